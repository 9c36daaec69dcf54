// qc_png.c: setjmp-guarded PNG decode/encode through libpng (classic API).
// Reference: libpng 1.6 manual, "III. Reading" and "IV. Writing"; error handling via png_jmpbuf.
#include "qc_codec.h"
#include <png.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

typedef struct {
    const uint8_t *data;
    size_t size, pos;
} qc_reader;

typedef struct {
    char *msg;
} qc_png_err_ctx;

static void qc_png_error(png_structp png, png_const_charp msg) {
    qc_png_err_ctx *ctx = (qc_png_err_ctx *)png_get_error_ptr(png);
    if (ctx && ctx->msg) snprintf(ctx->msg, QC_ERR_LEN, "libpng: %s", msg);
    png_longjmp(png, 1);
}

static void qc_png_warning(png_structp png, png_const_charp msg) {
    (void)png; (void)msg; // warnings (e.g. unknown chunks, bad iCCP) do not stop decoding
}

static void qc_png_read(png_structp png, png_bytep out, size_t len) {
    qc_reader *r = (qc_reader *)png_get_io_ptr(png);
    if (r->size - r->pos < len) {
        png_error(png, "unexpected end of file (truncated)");
    }
    memcpy(out, r->data + r->pos, len);
    r->pos += len;
}

int qc_png_decode(const uint8_t *data, size_t size, uint64_t max_pixels,
                  qc_png_info *info, void **pixels, char err[QC_ERR_LEN]) {
    memset(info, 0, sizeof(*info));
    *pixels = NULL;
    err[0] = 0;
    if (size < 8 || png_sig_cmp((png_const_bytep)data, 0, 8) != 0) {
        snprintf(err, QC_ERR_LEN, "not a PNG file (bad signature)");
        return QC_ERR_CORRUPT;
    }
    qc_png_err_ctx ctx = { err };
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &ctx, qc_png_error, qc_png_warning);
    if (!png) { snprintf(err, QC_ERR_LEN, "libpng: cannot create read struct"); return QC_ERR_MEMORY; }
    png_infop pinfo = png_create_info_struct(png);
    if (!pinfo) {
        png_destroy_read_struct(&png, NULL, NULL);
        snprintf(err, QC_ERR_LEN, "libpng: cannot create info struct");
        return QC_ERR_MEMORY;
    }
    // Everything that may longjmp lives below; volatile keeps locals valid after a longjmp.
    uint8_t *volatile buf = NULL;
    png_bytep *volatile rows = NULL;
    volatile int status = QC_ERR_CORRUPT;
    qc_reader reader = { data, size, 0 };

    if (setjmp(png_jmpbuf(png))) {
        free(buf);
        free(rows);
        png_destroy_read_struct(&png, &pinfo, NULL);
        if (err[0] == 0) snprintf(err, QC_ERR_LEN, "libpng: decode failed");
        return status;
    }
    png_set_read_fn(png, &reader, qc_png_read);
    // Refuse absurd declared sizes inside libpng too (its own default is 1,000,000 per side).
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
    png_read_info(png, pinfo);

    png_uint_32 w, h;
    int bit_depth, color_type, interlace;
    png_get_IHDR(png, pinfo, &w, &h, &bit_depth, &color_type, &interlace, NULL, NULL);
    info->width = w; info->height = h;
    info->bit_depth = bit_depth; info->color_type = color_type;
    info->interlaced = (interlace == PNG_INTERLACE_ADAM7);
    info->has_trns = png_get_valid(png, pinfo, PNG_INFO_tRNS) ? 1 : 0;
    double gamma;
    if (png_get_gAMA(png, pinfo, &gamma)) { info->has_gamma = 1; info->gamma = gamma; }
    int intent;
    if (png_get_sRGB(png, pinfo, &intent)) info->has_srgb = 1;
    png_charp icc_name; int comp; png_bytep prof; png_uint_32 plen;
    if (png_get_iCCP(png, pinfo, &icc_name, &comp, &prof, &plen)) {
        info->has_iccp = 1;
        snprintf(info->icc_name, QC_NAME_LEN, "%s", icc_name);
    }
    if ((uint64_t)w * (uint64_t)h > max_pixels) {
        snprintf(err, QC_ERR_LEN, "declared size %ux%u exceeds the pixel limit of %llu",
                 (unsigned)w, (unsigned)h, (unsigned long long)max_pixels);
        png_destroy_read_struct(&png, &pinfo, NULL);
        return QC_ERR_LIMIT;
    }

    png_set_expand(png);                 // palette -> RGB, grey < 8 bit -> 8 bit, tRNS -> alpha
    if (bit_depth == 16) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        png_set_swap(png);               // 16-bit samples in host order
#endif
    }
    int passes = png_set_interlace_handling(png);
    (void)passes;
    png_read_update_info(png, pinfo);
    int channels = png_get_channels(png, pinfo);
    int out_depth = png_get_bit_depth(png, pinfo);
    size_t rowbytes = png_get_rowbytes(png, pinfo);
    info->out_channels = channels;
    info->out_bit_depth = out_depth;
    if (rowbytes != (size_t)w * channels * (out_depth / 8)) {
        snprintf(err, QC_ERR_LEN, "libpng: unexpected row layout");
        status = QC_ERR_UNSUPPORTED;
        png_error(png, "unexpected row layout");
    }
    buf = (uint8_t *)malloc(rowbytes * (size_t)h);
    rows = (png_bytep *)malloc(sizeof(png_bytep) * (size_t)h);
    if (!buf || !rows) {
        status = QC_ERR_MEMORY;
        snprintf(err, QC_ERR_LEN, "out of memory for %ux%u image", (unsigned)w, (unsigned)h);
        png_error(png, "out of memory");
    }
    for (png_uint_32 y = 0; y < h; y++) rows[y] = buf + rowbytes * y;
    png_read_image(png, rows);
    png_read_end(png, NULL);
    free(rows);
    png_destroy_read_struct(&png, &pinfo, NULL);
    *pixels = buf;
    return QC_OK;
}

typedef struct {
    uint8_t *data;
    size_t size, cap;
    int failed;
} qc_writer;

static void qc_png_write(png_structp png, png_bytep src, size_t len) {
    qc_writer *w = (qc_writer *)png_get_io_ptr(png);
    if (w->size + len > w->cap) {
        size_t ncap = w->cap ? w->cap * 2 : 65536;
        while (ncap < w->size + len) ncap *= 2;
        uint8_t *n = (uint8_t *)realloc(w->data, ncap);
        if (!n) { w->failed = 1; png_error(png, "out of memory while writing"); }
        w->data = n; w->cap = ncap;
    }
    memcpy(w->data + w->size, src, len);
    w->size += len;
}

static void qc_png_flush(png_structp png) { (void)png; }

int qc_png_encode(const void *pixels, uint32_t width, uint32_t height, int channels, int bit_depth,
                  void **out, size_t *out_size, char err[QC_ERR_LEN]) {
    *out = NULL; *out_size = 0; err[0] = 0;
    if (width == 0 || height == 0 || channels < 1 || channels > 4 || (bit_depth != 8 && bit_depth != 16)) {
        snprintf(err, QC_ERR_LEN, "cannot encode %ux%u image with %d channels at %d bits",
                 (unsigned)width, (unsigned)height, channels, bit_depth);
        return QC_ERR_ARGUMENT;
    }
    qc_png_err_ctx ctx = { err };
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &ctx, qc_png_error, qc_png_warning);
    if (!png) return QC_ERR_MEMORY;
    png_infop pinfo = png_create_info_struct(png);
    if (!pinfo) { png_destroy_write_struct(&png, NULL); return QC_ERR_MEMORY; }
    qc_writer writer = { NULL, 0, 0, 0 };
    png_bytep *volatile rows = NULL;
    if (setjmp(png_jmpbuf(png))) {
        free(writer.data);
        free(rows);
        png_destroy_write_struct(&png, &pinfo);
        return writer.failed ? QC_ERR_MEMORY : QC_ERR_ARGUMENT;
    }
    static const int types[5] = { 0, PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA,
                                  PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGB_ALPHA };
    png_set_write_fn(png, &writer, qc_png_write, qc_png_flush);
    png_set_IHDR(png, pinfo, width, height, bit_depth, types[channels], PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_sRGB_gAMA_and_cHRM(png, pinfo, PNG_sRGB_INTENT_PERCEPTUAL);
    png_set_compression_level(png, 3);
    png_write_info(png, pinfo);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (bit_depth == 16) png_set_swap(png);
#endif
    size_t rowbytes = (size_t)width * channels * (bit_depth / 8);
    rows = (png_bytep *)malloc(sizeof(png_bytep) * height);
    if (!rows) { writer.failed = 1; png_error(png, "out of memory"); }
    for (uint32_t y = 0; y < height; y++) rows[y] = (png_bytep)pixels + rowbytes * y;
    png_write_image(png, rows);
    png_write_end(png, NULL);
    free(rows);
    png_destroy_write_struct(&png, &pinfo);
    *out = writer.data;
    *out_size = writer.size;
    return QC_OK;
}

void qc_free(void *p) { free(p); }

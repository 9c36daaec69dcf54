// qc_jpeg.c: setjmp-guarded JPEG decode/encode through libjpeg(-turbo).
// Reference: libjpeg.txt ("Error handling", "Special markers"), libjpeg-turbo example.c; the setjmp
// stays inside each function here, as libjpeg-turbo's own tools do, so no longjmp reaches Swift.
// EXIF: JEITA CP-3451 (Exif 2.3) section 4.6.4, tag 0x0112 Orientation in IFD0 of the APP1 TIFF block.
// ICC: ICC.1:2010 section 7 (header, tag table) and 10.13/10.15 ('desc', 'mluc').
#include "qc_codec.h"
#include <stdio.h>
#include <jpeglib.h>
#include <jpegint.h>   // struct jpeg_inverse_dct: the block-mean tap wraps the IDCT methods
#include <jerror.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <pthread.h>

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char *err;
    qc_jpeg_info *info;
    int truncated;              ///< "Premature end of JPEG file"
    int corrupt;                ///< a warning that means damaged entropy-coded data
    char corrupt_msg[QC_ERR_LEN];
} qc_jpeg_err;

static void qc_jpeg_error_exit(j_common_ptr cinfo) {
    qc_jpeg_err *e = (qc_jpeg_err *)cinfo->err;
    char msg[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, msg);
    if (e->err) snprintf(e->err, QC_ERR_LEN, "libjpeg: %s", msg);
    longjmp(e->jump, 1);
}

static void qc_jpeg_emit(j_common_ptr cinfo, int level) {
    qc_jpeg_err *e = (qc_jpeg_err *)cinfo->err;
    if (level >= 0) return; // trace messages
    int code = cinfo->err->msg_code;
    if (code == JWRN_JPEG_EOF) e->truncated = 1;
    if (!e->corrupt && (code == JWRN_HIT_MARKER || code == JWRN_HUFF_BAD_CODE || code == JWRN_MUST_RESYNC ||
                        code == JWRN_NOT_SEQUENTIAL || code == JWRN_BOGUS_PROGRESSION)) {
        char msg[JMSG_LENGTH_MAX];
        (*cinfo->err->format_message)(cinfo, msg);
        e->corrupt = 1;
        snprintf(e->corrupt_msg, QC_ERR_LEN, "libjpeg: %s", msg);
    }
    if (e->info) {
        if (e->info->warnings == 0) {
            char msg[JMSG_LENGTH_MAX];
            (*cinfo->err->format_message)(cinfo, msg);
            snprintf(e->info->first_warning, QC_ERR_LEN, "libjpeg: %s", msg);
        }
        e->info->warnings++;
    }
    cinfo->err->num_warnings++;
}

/// Our error manager for a decompressor: errors longjmp back with the library's message in `err`
/// (NULL: dropped), warnings are counted into `info` (NULL: not counted).
static void qc_jpeg_init_err(struct jpeg_decompress_struct *cinfo, qc_jpeg_err *jerr, char *err, qc_jpeg_info *info) {
    memset(jerr, 0, sizeof(*jerr));
    cinfo->err = jpeg_std_error(&jerr->pub);
    jerr->pub.error_exit = qc_jpeg_error_exit;
    jerr->pub.emit_message = qc_jpeg_emit;
    jerr->err = err;
    jerr->info = info;
}

static unsigned qc_rd16(const uint8_t *p, int le) { return le ? (p[0] | p[1] << 8) : (p[0] << 8 | p[1]); }
static uint32_t qc_rd32(const uint8_t *p, int le) {
    return le ? ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24)
              : ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3]);
}

/// Orientation (1..8) from an APP1 "Exif\0\0" payload, 0 when absent or malformed.
static int qc_exif_orientation(const uint8_t *p, size_t n) {
    if (n < 6 + 8 || memcmp(p, "Exif\0\0", 6) != 0) return 0;
    const uint8_t *t = p + 6; size_t tn = n - 6;
    int le;
    if (t[0] == 'I' && t[1] == 'I') le = 1; else if (t[0] == 'M' && t[1] == 'M') le = 0; else return 0;
    if (qc_rd16(t + 2, le) != 42) return 0;
    uint32_t ifd = qc_rd32(t + 4, le);
    if (ifd > tn - 2 || ifd < 8) return 0;
    unsigned count = qc_rd16(t + ifd, le);
    for (unsigned i = 0; i < count; i++) {
        size_t e = (size_t)ifd + 2 + (size_t)i * 12;
        if (e + 12 > tn) return 0;
        if (qc_rd16(t + e, le) == 0x0112) {
            unsigned type = qc_rd16(t + e + 2, le);
            if (type != 3) return 0; // SHORT
            unsigned v = qc_rd16(t + e + 8, le);
            return (v >= 1 && v <= 8) ? (int)v : 0;
        }
    }
    return 0;
}

/// The 'desc' text of an ICC profile (v2 'desc' ASCII or v4 'mluc' first record, UTF-16BE narrowed).
static void qc_icc_description(const uint8_t *p, size_t n, char out[QC_NAME_LEN]) {
    out[0] = 0;
    if (n < 132) return;
    uint32_t count = qc_rd32(p + 128, 0);
    for (uint32_t i = 0; i < count; i++) {
        size_t e = 132 + (size_t)i * 12;
        if (e + 12 > n) return;
        if (memcmp(p + e, "desc", 4) != 0) continue;
        uint32_t off = qc_rd32(p + e + 4, 0), len = qc_rd32(p + e + 8, 0);
        if (off > n || len > n - off || len < 12) return;
        const uint8_t *d = p + off;
        if (memcmp(d, "desc", 4) == 0) {
            uint32_t alen = qc_rd32(d + 8, 0);
            if (alen > len - 12) alen = len - 12;
            size_t k = 0;
            for (; k < alen && k < QC_NAME_LEN - 1 && d[12 + k]; k++) out[k] = (char)d[12 + k];
            out[k] = 0;
        } else if (memcmp(d, "mluc", 4) == 0 && len >= 28) {
            uint32_t slen = qc_rd32(d + 20, 0), soff = qc_rd32(d + 24, 0);
            if (soff > len || slen > len - soff) return;
            size_t k = 0;
            for (size_t j = 0; j + 1 < slen && k < QC_NAME_LEN - 1; j += 2) {
                unsigned c = d[soff + j] << 8 | d[soff + j + 1];
                out[k++] = (c < 128 && c >= 32) ? (char)c : '?';
            }
            out[k] = 0;
        }
        return;
    }
}

/// Where decoded rows go: an interleaved 8-bit buffer malloc'd here (planes == NULL, header_only 0),
/// nowhere (header_only 1: stop after the header), or caller-owned planar Float32 through a 256-entry
/// table, with an optional box-averaged thumbnail accumulated on the way.
typedef struct {
    int header_only;
    const float *table;
    float *planes; size_t planes_capacity;      ///< Float32 planes, or NULL
    uint8_t *planes8;                            ///< 8-bit planes (capacity as planes_capacity), or NULL
    int thumb_factor; float *thumb; size_t thumb_capacity;
    qc_jpeg_blocks *blocks; float **means;      ///< block means of a YCbCr stream, or NULL
    /// A part of a split decode (see qc_jpeg_run_split): output rows [row_begin, row_end) only, into
    /// the block-means buffer `shared_means` the caller laid out in *blocks. row_end 0: the whole image.
    size_t row_begin, row_end;
    float *shared_means;
} qc_jpeg_sink;

/// The block-mean tap: each component's own IDCT method, wrapped so that every block's DC
/// coefficient is written down as the block's exact mean on its way through. It rides along the
/// decode for free; reading the coefficients separately costs most of a second decode.
typedef struct {
    inverse_DCT_method_ptr idct[3];
    float *plane[3];
    JDIMENSION wide[3], high[3];
    float scale[3];
    JDIMENSION row[3];          ///< iMCU row of the last call (+1, 0 before the first)
    JSAMPARRAY base[3];         ///< the component's output rows for that iMCU row
    JDIMENSION first[3], last[3]; ///< block rows this decoder writes down, [first, last)
} qc_dc_tap;

/// An inverse_DCT_method_ptr: notes the block's mean, then runs the library's IDCT. The block's
/// place: x from output_col; y from the iMCU row and how far output_buf is into that row's output
/// (both coefficient controllers, jdcoefct.c, step output_buf by one block per block row and call
/// the first block row of each iMCU row first).
static void qc_dc_tap_idct(j_decompress_ptr cinfo, jpeg_component_info *comp, JCOEFPTR coef,
                           JSAMPARRAY output_buf, JDIMENSION output_col) {
    qc_dc_tap *tap = (qc_dc_tap *)cinfo->client_data;
    int ci = comp->component_index;
    float mean = (float)coef[0] * tap->scale[ci] + 128.0f;
    if (tap->row[ci] != cinfo->output_iMCU_row + 1) {
        tap->row[ci] = cinfo->output_iMCU_row + 1;
        tap->base[ci] = output_buf;
    }
    JDIMENSION by = cinfo->output_iMCU_row * comp->v_samp_factor + (JDIMENSION)((output_buf - tap->base[ci]) / DCTSIZE);
    JDIMENSION bx = output_col / DCTSIZE;
    if (bx < tap->wide[ci] && by >= tap->first[ci] && by < tap->last[ci]) tap->plane[ci][(size_t)by * tap->wide[ci] + bx] = mean;
    tap->idct[ci](cinfo, comp, coef, output_buf, output_col);
}

/// The per-pixel loops of a row below take restrict pointers (the planes, the row and the thumbnail
/// never overlap) so the compiler vectorises their stride-3 accesses, and are built twice, for AVX2 and
/// for the baseline, chosen once at load time (GCC/Clang function multiversioning). Measured on the
/// 14.8 MP benchmark photo: splitting the planes 12-24 ms -> 2 ms, the thumbnail sums 9-20 ms -> 3 ms.
#if defined(__x86_64__) && defined(__linux__)
#define QC_ROW_KERNEL __attribute__((target_clones("avx2", "default")))
#else
#define QC_ROW_KERNEL
#endif

/// Splits an interleaved RGB row into three planes.
QC_ROW_KERNEL
static void qc_split_rgb(const uint8_t *restrict src, uint8_t *restrict r, uint8_t *restrict g,
                         uint8_t *restrict b, size_t w) {
    for (size_t x = 0; x < w; x++) { r[x] = src[3 * x]; g[x] = src[3 * x + 1]; b[x] = src[3 * x + 2]; }
}

/// Adds the codes of each box of `f` consecutive samples of a plane row to the thumbnail row `acc`.
QC_ROW_KERNEL
static void qc_box_row(const uint8_t *restrict src, float *restrict acc, size_t tw, int f) {
    if (f == 3) {
        for (size_t x = 0; x < tw; x++) acc[x] += (float)((unsigned)src[3 * x] + src[3 * x + 1] + src[3 * x + 2]);
    } else if (f == 2) {
        for (size_t x = 0; x < tw; x++) acc[x] += (float)((unsigned)src[2 * x] + src[2 * x + 1]);
    } else {
        for (size_t x = 0; x < tw; x++) {
            unsigned s = 0;
            for (int d = 0; d < f; d++) s += src[x * f + d];
            acc[x] += (float)s;
        }
    }
}

/// Stores one decoded interleaved row into the sink's planes and adds it to the thumbnail's row sums.
/// Kept out of qc_jpeg_run: a function that calls setjmp keeps its locals in memory, which would
/// slow this per-pixel loop several times over.
__attribute__((noinline))
static void qc_jpeg_store_row(const qc_jpeg_sink *sink, const uint8_t *buf, int ch, size_t y, size_t w, size_t n,
                              int f, size_t tw, size_t th) {
    const float *t = sink->table;
    int thumb_row = f && y / f < th;
    if (sink->planes8 && ch == 3) {
        // All three byte planes in one pass over the interleaved row.
        uint8_t *r8 = sink->planes8 + y * w;
        qc_split_rgb(buf, r8, r8 + n, r8 + 2 * n, w);
    }
    for (int c = 0; c < ch; c++) {
        const uint8_t *src = buf + c;
        float *acc = thumb_row ? sink->thumb + (size_t)c * tw * th + (y / f) * tw : NULL;
        if (sink->planes) {
            float *dst = sink->planes + (size_t)c * n + y * w;
            for (size_t x = 0; x < w; x++) dst[x] = t[src[x * ch]];
            if (acc) for (size_t x = 0; x < tw; x++) {
                float s = 0;
                for (int d = 0; d < f; d++) s += dst[x * f + d];
                acc[x] += s;
            }
        } else {
            uint8_t *dst8 = sink->planes8 + (size_t)c * n + y * w;
            if (ch != 3) for (size_t x = 0; x < w; x++) dst8[x] = src[x * ch];
            // Integer code sums per box row (exact), scaled once at the end.
            if (acc) qc_box_row(dst8, acc, tw, f);
        }
    }
}

static void qc_jpeg_layout_blocks(j_decompress_ptr cinfo, qc_jpeg_blocks *b);

static int qc_jpeg_run(const uint8_t *data, size_t size, uint64_t max_pixels,
                       qc_jpeg_info *info, void **pixels, char err[QC_ERR_LEN], const qc_jpeg_sink *sink) {
    memset(info, 0, sizeof(*info));
    if (pixels) *pixels = NULL;
    err[0] = 0;
    if (size < 4 || data[0] != 0xFF || data[1] != 0xD8) {
        snprintf(err, QC_ERR_LEN, "not a JPEG file (no SOI marker)");
        return QC_ERR_CORRUPT;
    }
    struct jpeg_decompress_struct cinfo;
    qc_jpeg_err jerr;
    qc_jpeg_init_err(&cinfo, &jerr, err, info);
    uint8_t *volatile buf = NULL;
    float *volatile means = NULL;
    volatile size_t means_size = 0;
    qc_dc_tap tap;
    memset(&tap, 0, sizeof(tap));
    volatile int status = QC_ERR_CORRUPT;
    if (setjmp(jerr.jump)) {
        jpeg_destroy_decompress(&cinfo);
        free(buf);
        if (means && means_size) munmap(means, means_size);
        return status;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);

    info->width = cinfo.image_width;
    info->height = cinfo.image_height;
    info->components = cinfo.num_components;
    info->jpeg_color_space = cinfo.jpeg_color_space;
    info->progressive = cinfo.progressive_mode ? 1 : 0;
    for (jpeg_saved_marker_ptr m = cinfo.marker_list; m; m = m->next) {
        if (m->marker == JPEG_APP0 + 1 && info->exif_orientation == 0)
            info->exif_orientation = qc_exif_orientation(m->data, m->data_length);
    }
    JOCTET *icc = NULL; unsigned int icc_len = 0;
    if (jpeg_read_icc_profile(&cinfo, &icc, &icc_len)) {
        info->has_icc = 1;
        qc_icc_description(icc, icc_len, info->icc_description);
        free(icc);
    }
    if ((uint64_t)cinfo.image_width * (uint64_t)cinfo.image_height > max_pixels) {
        snprintf(err, QC_ERR_LEN, "declared size %ux%u exceeds the pixel limit of %llu",
                 (unsigned)cinfo.image_width, (unsigned)cinfo.image_height, (unsigned long long)max_pixels);
        jpeg_destroy_decompress(&cinfo);
        return QC_ERR_LIMIT;
    }
    if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
        snprintf(err, QC_ERR_LEN, "CMYK/YCCK JPEG is not supported: save the photo as an sRGB JPEG");
        jpeg_destroy_decompress(&cinfo);
        return QC_ERR_UNSUPPORTED;
    }
    cinfo.out_color_space = (cinfo.num_components == 1) ? JCS_GRAYSCALE : JCS_RGB;
    cinfo.dct_method = JDCT_ISLOW;
    if (sink && sink->header_only) {
        info->out_channels = cinfo.num_components == 1 ? 1 : 3;
        jpeg_destroy_decompress(&cinfo);
        return QC_OK;
    }
    jpeg_start_decompress(&cinfo);
    size_t row_begin = sink ? sink->row_begin : 0;
    size_t row_end = sink && sink->row_end && sink->row_end < cinfo.output_height ? sink->row_end : cinfo.output_height;
    // Block means: only for full-size YCbCr with 8x8 IDCTs (no DCT scaling), after start_decompress
    // has chosen the IDCT methods.
    int tapped = sink && sink->means && cinfo.num_components == 3 && cinfo.jpeg_color_space == JCS_YCbCr;
    for (int c = 0; tapped && c < 3; c++) tapped = cinfo.comp_info[c].DCT_scaled_size == DCTSIZE;
    if (tapped && sink->shared_means) {
        means = sink->shared_means;   // laid out (and freed on failure) by the caller
    } else if (tapped) {
        size_t total = 0;
        for (int c = 0; c < 3; c++) total += (size_t)cinfo.comp_info[c].width_in_blocks * cinfo.comp_info[c].height_in_blocks;
        // mmap, not malloc: freeing a megabyte-sized malloc block raises glibc's dynamic mmap
        // threshold, and the frame-sized buffers of the rest of a compare then stay on the heap
        // (+25 MB peak on a 14.8 MP photo). Anonymous pages arrive zeroed.
        void *m = mmap(NULL, total * sizeof(float), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        means = m == MAP_FAILED ? NULL : (float *)m;
        means_size = total * sizeof(float);
        if (!means) {
            status = QC_ERR_MEMORY;
            snprintf(err, QC_ERR_LEN, "out of memory for %zu block means", total);
            longjmp(jerr.jump, 1);
        }
        qc_jpeg_layout_blocks(&cinfo, sink->blocks);
    }
    if (tapped) {
        float *plane = means;
        for (int c = 0; c < 3; c++) {
            jpeg_component_info *comp = &cinfo.comp_info[c];
            JDIMENSION bh = (JDIMENSION)(DCTSIZE * cinfo.max_v_samp_factor / comp->v_samp_factor);
            tap.idct[c] = cinfo.idct->inverse_DCT[c];
            tap.plane[c] = plane;
            tap.wide[c] = comp->width_in_blocks;
            tap.high[c] = comp->height_in_blocks;
            tap.first[c] = (JDIMENSION)(row_begin / bh);
            tap.last[c] = row_end >= cinfo.output_height ? comp->height_in_blocks : (JDIMENSION)((row_end + bh - 1) / bh);
            tap.scale[c] = (float)comp->quant_table->quantval[0] / 8.0f;
            plane += (size_t)comp->width_in_blocks * comp->height_in_blocks;
            cinfo.idct->inverse_DCT[c] = qc_dc_tap_idct;
        }
        cinfo.client_data = &tap;
    }
    int ch = cinfo.output_components;
    info->out_channels = ch;
    size_t stride = (size_t)cinfo.output_width * ch;
    int planar = sink && (sink->planes || sink->planes8);
    size_t w = cinfo.output_width, h = cinfo.output_height, n = w * h;
    int f = planar && sink->thumb && sink->thumb_factor > 1 ? sink->thumb_factor : 0;
    size_t tw = f ? w / f : 0, th = f ? h / f : 0;
    if (planar && (sink->planes_capacity < n * ch || (f && sink->thumb_capacity < tw * th * ch))) {
        status = QC_ERR_ARGUMENT;
        snprintf(err, QC_ERR_LEN, "output buffers too small for %zux%zu", w, h);
        longjmp(jerr.jump, 1);
    }
    // This run's thumbnail rows (a split decode's parts start at multiples of f).
    size_t ty0 = f ? row_begin / f : 0, ty1 = f ? (row_end / f < th ? row_end / f : th) : 0;
    for (int c = 0; f && c < ch && ty1 > ty0; c++)
        memset(sink->thumb + (size_t)c * tw * th + ty0 * tw, 0, (ty1 - ty0) * tw * sizeof(float));
    buf = (uint8_t *)malloc(planar ? stride : stride * cinfo.output_height);
    if (!buf) {
        status = QC_ERR_MEMORY;
        snprintf(err, QC_ERR_LEN, "out of memory for %ux%u image",
                 (unsigned)cinfo.output_width, (unsigned)cinfo.output_height);
        longjmp(jerr.jump, 1);
    }
    if (row_begin > 0) {
        // Entropy-decode past the rows another part decodes (no IDCT, jdapistd.c); what goes wrong
        // there is that part's to report, so this part's warnings start afresh after the skip.
        jpeg_skip_scanlines(&cinfo, (JDIMENSION)row_begin);
        jerr.truncated = 0; jerr.corrupt = 0;
        info->warnings = 0; info->first_warning[0] = 0;
    }
    while (cinfo.output_scanline < row_end) {
        size_t y = cinfo.output_scanline;
        JSAMPROW row = planar ? buf : buf + stride * y;
        jpeg_read_scanlines(&cinfo, &row, 1);
        if (jerr.truncated || jerr.corrupt) break;
        if (!planar) continue;
        qc_jpeg_store_row(sink, buf, ch, y, w, n, f, tw, th);
    }
    if (jerr.corrupt && !jerr.truncated) {
        snprintf(err, QC_ERR_LEN, "%s", jerr.corrupt_msg);
        longjmp(jerr.jump, 1);
    }
    if (jerr.truncated) {
        snprintf(err, QC_ERR_LEN, "libjpeg: premature end of JPEG file (truncated after %u of %u rows)",
                 (unsigned)cinfo.output_scanline, (unsigned)cinfo.output_height);
        longjmp(jerr.jump, 1);
    }
    if (row_end == cinfo.output_height) {
        // The last part reads the stream to its end (a part that stops early is just destroyed).
        jpeg_finish_decompress(&cinfo);
        if (jerr.truncated) {
            snprintf(err, QC_ERR_LEN, "libjpeg: premature end of JPEG file (truncated)");
            longjmp(jerr.jump, 1);
        }
        if (jerr.corrupt) {
            snprintf(err, QC_ERR_LEN, "%s", jerr.corrupt_msg);
            longjmp(jerr.jump, 1);
        }
    }
    jpeg_destroy_decompress(&cinfo);
    if (tapped && !sink->shared_means) *sink->means = means;
    if (planar) {
        free(buf);
        // Float planes summed values in 0...1; byte planes summed codes 0...255.
        float norm = f ? (sink->planes ? 1.0f / (float)(f * f) : 1.0f / (255.0f * (float)(f * f))) : 0;
        for (int c = 0; f && c < ch && ty1 > ty0; c++) {
            float *t = sink->thumb + (size_t)c * tw * th + ty0 * tw;
            for (size_t i = 0; i < (ty1 - ty0) * tw; i++) t[i] *= norm;
        }
    } else {
        *pixels = buf;
    }
    return QC_OK;
}

/// Fills *blocks with the block grid of a YCbCr stream (valid once jpeg_read_header has run).
static void qc_jpeg_layout_blocks(j_decompress_ptr cinfo, qc_jpeg_blocks *b) {
    b->width = cinfo->image_width;
    b->height = cinfo->image_height;
    for (int c = 0; c < 3; c++) {
        jpeg_component_info *comp = &cinfo->comp_info[c];
        b->blocks_wide[c] = (int)comp->width_in_blocks;
        b->blocks_high[c] = (int)comp->height_in_blocks;
        b->block_width[c] = DCTSIZE * cinfo->max_h_samp_factor / comp->h_samp_factor;
        b->block_height[c] = DCTSIZE * cinfo->max_v_samp_factor / comp->v_samp_factor;
    }
}

/// What a split decode needs to know before it starts: read from the header alone.
typedef struct {
    uint32_t width, height;
    int progressive, imcu_height, ycbcr3;
    qc_jpeg_blocks blocks;
} qc_jpeg_layout;

static int qc_jpeg_read_layout(const uint8_t *data, size_t size, qc_jpeg_layout *out) {
    struct jpeg_decompress_struct cinfo;
    qc_jpeg_err jerr;
    qc_jpeg_init_err(&cinfo, &jerr, NULL, NULL);
    if (setjmp(jerr.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return QC_ERR_CORRUPT;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    memset(out, 0, sizeof(*out));
    out->width = cinfo.image_width;
    out->height = cinfo.image_height;
    out->progressive = cinfo.progressive_mode ? 1 : 0;
    out->imcu_height = DCTSIZE * cinfo.max_v_samp_factor;
    out->ycbcr3 = cinfo.num_components == 3 && cinfo.jpeg_color_space == JCS_YCbCr;
    if (out->ycbcr3) qc_jpeg_layout_blocks(&cinfo, &out->blocks);
    jpeg_destroy_decompress(&cinfo);
    return QC_OK;
}

/// One part of a split decode, run on its own thread.
typedef struct {
    const uint8_t *data; size_t size; uint64_t max_pixels;
    qc_jpeg_info info; qc_jpeg_sink sink; char err[QC_ERR_LEN]; int status;
} qc_jpeg_part;

static void *qc_jpeg_part_main(void *arg) {
    qc_jpeg_part *p = (qc_jpeg_part *)arg;
    p->status = qc_jpeg_run(p->data, p->size, p->max_pixels, &p->info, NULL, p->err, &p->sink);
    return NULL;
}

static unsigned long qc_gcd(unsigned long a, unsigned long b) { while (b) { unsigned long t = a % b; a = b; b = t; } return a; }

/// A planar decode on two threads when `threads` > 1 and the stream allows it: a sequential
/// (baseline) stream is cut at an iMCU row; this thread decodes the rows above the cut and a second
/// thread entropy-decodes past them (jpeg_skip_scanlines: Huffman decoding only, about a quarter of
/// the work) and decodes the rest. Each decoder is a libjpeg instance of its own over the same bytes,
/// writing disjoint rows of the planes, the thumbnail and the block means, so the result is the same
/// as one decoder's. The cut balances the two: the lower part pays for the skip (cut ≈ 0.58 × height).
/// A progressive stream (every scan needed before any row) or a small image decodes on one thread.
static int qc_jpeg_run_split(const uint8_t *data, size_t size, uint64_t max_pixels, qc_jpeg_info *info,
                             char err[QC_ERR_LEN], qc_jpeg_sink *sink, int threads) {
    qc_jpeg_layout lay;
    if (threads < 2 || qc_jpeg_read_layout(data, size, &lay) != QC_OK || lay.progressive || lay.height < 512 ||
        (uint64_t)lay.width * lay.height > max_pixels)
        return qc_jpeg_run(data, size, max_pixels, info, NULL, err, sink);
    unsigned long step = (unsigned long)lay.imcu_height;
    if (sink->thumb && sink->thumb_factor > 1) step = step / qc_gcd(step, (unsigned long)sink->thumb_factor) * sink->thumb_factor;
    size_t cut = (size_t)((0.58 * lay.height) / step + 0.5) * step;
    if (cut == 0 || cut >= lay.height) return qc_jpeg_run(data, size, max_pixels, info, NULL, err, sink);
    float *means = NULL;
    size_t means_size = 0;
    int tapped = sink->means && sink->blocks && lay.ycbcr3;
    if (tapped) {
        for (int c = 0; c < 3; c++) means_size += (size_t)lay.blocks.blocks_wide[c] * lay.blocks.blocks_high[c] * sizeof(float);
        void *m = mmap(NULL, means_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) return qc_jpeg_run(data, size, max_pixels, info, NULL, err, sink);
        means = (float *)m;
        *sink->blocks = lay.blocks;
    }
    qc_jpeg_part lower;
    memset(&lower, 0, sizeof(lower));
    lower.data = data; lower.size = size; lower.max_pixels = max_pixels;
    lower.sink = *sink;
    lower.sink.row_begin = cut; lower.sink.row_end = 0; lower.sink.shared_means = means;
    qc_jpeg_sink upper = *sink;
    upper.row_begin = 0; upper.row_end = cut; upper.shared_means = means;
    pthread_t thread;
    int spawned = pthread_create(&thread, NULL, qc_jpeg_part_main, &lower) == 0;
    if (!spawned) qc_jpeg_part_main(&lower);
    int status = qc_jpeg_run(data, size, max_pixels, info, NULL, err, &upper);
    if (spawned) pthread_join(thread, NULL);
    if (status == QC_OK && lower.status != QC_OK) {
        status = lower.status;
        memcpy(err, lower.err, QC_ERR_LEN);
    }
    if (status == QC_OK) {
        // The upper part's warnings first, then the lower part's (its own rows and the stream's end).
        if (info->warnings == 0 && lower.info.warnings > 0) memcpy(info->first_warning, lower.info.first_warning, QC_ERR_LEN);
        info->warnings += lower.info.warnings;
    }
    if (tapped) {
        if (status == QC_OK) *sink->means = means; else munmap(means, means_size);
    }
    return status;
}

int qc_jpeg_decode(const uint8_t *data, size_t size, uint64_t max_pixels,
                   qc_jpeg_info *info, void **pixels, char err[QC_ERR_LEN]) {
    return qc_jpeg_run(data, size, max_pixels, info, pixels, err, NULL);
}

int qc_jpeg_header(const uint8_t *data, size_t size, uint64_t max_pixels,
                   qc_jpeg_info *info, char err[QC_ERR_LEN]) {
    qc_jpeg_sink sink = { .header_only = 1 };
    return qc_jpeg_run(data, size, max_pixels, info, NULL, err, &sink);
}

int qc_jpeg_decode_planar(const uint8_t *data, size_t size, uint64_t max_pixels, qc_jpeg_info *info,
                          const float table[256], float *planes, size_t planes_capacity,
                          int thumb_factor, float *thumb, size_t thumb_capacity,
                          qc_jpeg_blocks *blocks, float **means, int threads, char err[QC_ERR_LEN]) {
    if (!planes || !table) {
        snprintf(err, QC_ERR_LEN, "no output planes");
        return QC_ERR_ARGUMENT;
    }
    if (means) *means = NULL;
    qc_jpeg_sink sink = { 0, table, planes, planes_capacity, NULL, thumb_factor, thumb, thumb_capacity,
                          blocks, blocks ? means : NULL, 0, 0, NULL };
    return qc_jpeg_run_split(data, size, max_pixels, info, err, &sink, threads);
}

int qc_jpeg_decode_planar8(const uint8_t *data, size_t size, uint64_t max_pixels, qc_jpeg_info *info,
                           const float table[256], uint8_t *planes, size_t planes_capacity,
                           int thumb_factor, float *thumb, size_t thumb_capacity,
                           qc_jpeg_blocks *blocks, float **means, int threads, char err[QC_ERR_LEN]) {
    if (!planes || !table) {
        snprintf(err, QC_ERR_LEN, "no output planes");
        return QC_ERR_ARGUMENT;
    }
    if (means) *means = NULL;
    qc_jpeg_sink sink = { 0, table, NULL, planes_capacity, planes, thumb_factor, thumb, thumb_capacity,
                          blocks, blocks ? means : NULL, 0, 0, NULL };
    return qc_jpeg_run_split(data, size, max_pixels, info, err, &sink, threads);
}

void qc_jpeg_free_means(float *means, const qc_jpeg_blocks *blocks) {
    if (!means) return;
    size_t total = 0;
    for (int c = 0; c < 3; c++) total += (size_t)blocks->blocks_wide[c] * (size_t)blocks->blocks_high[c];
    munmap(means, total * sizeof(float));
}

int qc_jpeg_encode(const uint8_t *pixels, uint32_t width, uint32_t height, int channels, int quality,
                   void **out, size_t *out_size, char err[QC_ERR_LEN]) {
    return qc_jpeg_encode_options(pixels, width, height, channels, quality, 2, 2, 0, out, out_size, err);
}

int qc_jpeg_encode_options(const uint8_t *pixels, uint32_t width, uint32_t height, int channels, int quality,
                           int h_samp, int v_samp, int restart_rows,
                           void **out, size_t *out_size, char err[QC_ERR_LEN]) {
    *out = NULL; *out_size = 0; err[0] = 0;
    if (h_samp < 1 || h_samp > 2 || v_samp < 1 || v_samp > 2 || restart_rows < 0 || restart_rows > 65535) {
        snprintf(err, QC_ERR_LEN, "unsupported luma sampling %dx%d or restart interval %d", h_samp, v_samp, restart_rows);
        return QC_ERR_ARGUMENT;
    }
    if (width == 0 || height == 0 || (channels != 1 && channels != 3) || quality < 1 || quality > 100) {
        snprintf(err, QC_ERR_LEN, "cannot encode %ux%u image with %d channels at quality %d",
                 (unsigned)width, (unsigned)height, channels, quality);
        return QC_ERR_ARGUMENT;
    }
    struct jpeg_compress_struct cinfo;
    qc_jpeg_err jerr;
    memset(&jerr, 0, sizeof(jerr));
    cinfo.err = jpeg_std_error(&jerr.pub);
    jerr.pub.error_exit = qc_jpeg_error_exit;
    jerr.err = err;
    unsigned char *volatile mem = NULL;
    unsigned long mem_size = 0;
    if (setjmp(jerr.jump)) {
        jpeg_destroy_compress(&cinfo);
        free(mem);
        return QC_ERR_ARGUMENT;
    }
    jpeg_create_compress(&cinfo);
    unsigned char *m = NULL;
    jpeg_mem_dest(&cinfo, &m, &mem_size);
    cinfo.image_width = width;
    cinfo.image_height = height;
    cinfo.input_components = channels;
    cinfo.in_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&cinfo);          // YCbCr, luma sampled h_samp x v_samp times the chroma
    jpeg_set_quality(&cinfo, quality, TRUE);
    if (channels == 3) { cinfo.comp_info[0].h_samp_factor = h_samp; cinfo.comp_info[0].v_samp_factor = v_samp; }
    cinfo.restart_in_rows = restart_rows;
    cinfo.dct_method = JDCT_ISLOW;
    jpeg_start_compress(&cinfo, TRUE);
    size_t stride = (size_t)width * channels;
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + stride * cinfo.next_scanline);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    mem = m;
    jpeg_destroy_compress(&cinfo);
    *out = mem;
    *out_size = mem_size;
    return QC_OK;
}

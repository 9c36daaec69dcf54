// qc_codec.h: the one C door to libpng and libjpeg.
//
// Every libpng/libjpeg call happens inside these functions. Both libraries report fatal errors by
// longjmp (libpng) or by calling error_exit (libjpeg, whose default calls exit()); here each function
// installs its own setjmp point, so no longjmp ever crosses into Swift. Failures come back as a
// QC_* status code plus the library's own message in `err`.
#ifndef QC_CODEC_H
#define QC_CODEC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Status codes shared by every function below.
enum {
    QC_OK = 0,
    QC_ERR_CORRUPT = 1,      ///< the stream is damaged, truncated or not of this format
    QC_ERR_UNSUPPORTED = 2,  ///< a valid stream this build does not handle (e.g. CMYK JPEG)
    QC_ERR_LIMIT = 3,        ///< declared size exceeds the caller's pixel limit; nothing was allocated
    QC_ERR_MEMORY = 4,       ///< allocation failed
    QC_ERR_ARGUMENT = 5      ///< the caller passed something impossible (e.g. 0x0 image to encode)
};

#define QC_ERR_LEN 200
#define QC_NAME_LEN 80

/// What a PNG declares and what the decode produced.
typedef struct {
    uint32_t width, height;
    int color_type;          ///< PNG colour type as stored: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA
    int bit_depth;           ///< as stored: 1, 2, 4, 8 or 16
    int interlaced;          ///< 1 for Adam7
    int has_trns;            ///< palette or colour-key transparency present
    int has_gamma;  double gamma;   ///< gAMA chunk (file gamma, e.g. 0.45455)
    int has_srgb;            ///< sRGB chunk present
    int has_iccp;   char icc_name[QC_NAME_LEN];  ///< iCCP chunk and its profile name
    int out_channels;        ///< channels in the decoded buffer: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA
    int out_bit_depth;       ///< 8 or 16 (16-bit samples in host byte order)
} qc_png_info;

/// Decodes a whole PNG held in memory. Palette and low-bit grey are expanded, tRNS becomes alpha,
/// Adam7 is de-interlaced, 16-bit stays 16-bit. On QC_OK, *pixels is a malloc'd interleaved buffer
/// of width*height*out_channels samples that the caller frees with qc_free.
/// @param max_pixels refuse (QC_ERR_LIMIT) before allocating if width*height exceeds it
int qc_png_decode(const uint8_t *data, size_t size, uint64_t max_pixels,
                  qc_png_info *info, void **pixels, char err[QC_ERR_LEN]);

/// Encodes interleaved samples as a PNG (channels 1..4, bit_depth 8 or 16, 16-bit in host order).
/// On QC_OK, *out is a malloc'd buffer of *out_size bytes that the caller frees with qc_free.
int qc_png_encode(const void *pixels, uint32_t width, uint32_t height, int channels, int bit_depth,
                  void **out, size_t *out_size, char err[QC_ERR_LEN]);

/// What a JPEG declares and what the decode produced.
typedef struct {
    uint32_t width, height;      ///< as stored (before any EXIF orientation)
    int components;              ///< as stored: 1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK
    int jpeg_color_space;        ///< libjpeg J_COLOR_SPACE of the stream
    int progressive;             ///< 1 for progressive (SOF2)
    int out_channels;            ///< 1 or 3
    int exif_orientation;        ///< 1..8 from the EXIF APP1 segment, 0 if absent or unreadable
    int has_icc;                 ///< an ICC profile (APP2) is embedded
    char icc_description[QC_NAME_LEN]; ///< the profile's 'desc' text, if it could be read
    int warnings;                ///< number of recoverable warnings libjpeg raised
    char first_warning[QC_ERR_LEN];
} qc_jpeg_info;

/// Decodes a baseline or progressive JPEG held in memory to 8-bit grey or RGB (interleaved).
/// CMYK and YCCK streams are refused with QC_ERR_UNSUPPORTED. A stream that ends early
/// (libjpeg's "Premature end of JPEG file") is QC_ERR_CORRUPT rather than a grey-filled picture.
/// On QC_OK, *pixels is a malloc'd buffer the caller frees with qc_free.
int qc_jpeg_decode(const uint8_t *data, size_t size, uint64_t max_pixels,
                   qc_jpeg_info *info, void **pixels, char err[QC_ERR_LEN]);

/// Reads only the header: size, components, output channels, EXIF orientation, ICC, with the same
/// refusals (pixel limit, CMYK/YCCK) as qc_jpeg_decode. For sizing the buffers of qc_jpeg_decode_planar.
int qc_jpeg_header(const uint8_t *data, size_t size, uint64_t max_pixels,
                   qc_jpeg_info *info, char err[QC_ERR_LEN]);

/// Where the block means of a YCbCr JPEG lie: per component (Y, Cb, Cr) the block grid and the
/// stored-image pixels one block covers (8 × sampling ratio: 16 for 4:2:0 chroma).
typedef struct {
    uint32_t width, height;      ///< as stored (before any EXIF orientation)
    int blocks_wide[3], blocks_high[3];
    int block_width[3], block_height[3];
} qc_jpeg_blocks;

/// Decodes like qc_jpeg_decode, but straight into caller-owned planar Float32 (plane c at
/// planes + c*width*height, value table[code]) one scanline at a time, so no full 8-bit frame is kept.
/// With thumb_factor > 1 and thumb non-NULL it also writes the box average over thumb_factor² pixels
/// ((width/f) × (height/f), planar, remainders dropped). Capacities are in floats.
/// With blocks and means non-NULL and a 3-component YCbCr stream, *means receives a buffer (freed
/// with qc_jpeg_free_means) of each block's exact mean sample, DC · q0 / 8 + 128 on the 0...255 scale,
/// the Y, Cb, Cr planes one after the other as *blocks describes: the mean before the decoder rounds
/// each reconstructed sample to an integer. Other streams leave *means NULL.
/// With threads > 1 a sequential stream of 512 rows or more is decoded on two threads (the rows above
/// a cut here, the rest on a second thread that skips to the cut); the output is the same.
int qc_jpeg_decode_planar(const uint8_t *data, size_t size, uint64_t max_pixels, qc_jpeg_info *info,
                          const float table[256], float *planes, size_t planes_capacity,
                          int thumb_factor, float *thumb, size_t thumb_capacity,
                          qc_jpeg_blocks *blocks, float **means, int threads, char err[QC_ERR_LEN]);

/// As qc_jpeg_decode_planar, with the planes kept as 8-bit codes (plane c at planes + c*width*height);
/// the thumbnail is still Float32 through `table`.
int qc_jpeg_decode_planar8(const uint8_t *data, size_t size, uint64_t max_pixels, qc_jpeg_info *info,
                           const float table[256], uint8_t *planes, size_t planes_capacity,
                           int thumb_factor, float *thumb, size_t thumb_capacity,
                           qc_jpeg_blocks *blocks, float **means, int threads, char err[QC_ERR_LEN]);

/// Frees the block means of qc_jpeg_decode_planar(8) (NULL is a no-op).
void qc_jpeg_free_means(float *means, const qc_jpeg_blocks *blocks);

/// Encodes 8-bit interleaved grey (channels 1) or RGB (channels 3) as a baseline JPEG with 4:2:0
/// chroma subsampling at the given quality (1..100).
int qc_jpeg_encode(const uint8_t *pixels, uint32_t width, uint32_t height, int channels, int quality,
                   void **out, size_t *out_size, char err[QC_ERR_LEN]);

/// As qc_jpeg_encode with the luma sampled h_samp x v_samp (1 or 2 each) times the chroma (2x2: 4:2:0,
/// 2x1: 4:2:2, 1x1: 4:4:4) and a restart marker every `restart_rows` MCU rows (0: none).
int qc_jpeg_encode_options(const uint8_t *pixels, uint32_t width, uint32_t height, int channels, int quality,
                           int h_samp, int v_samp, int restart_rows,
                           void **out, size_t *out_size, char err[QC_ERR_LEN]);

/// Frees a buffer handed out by this library.
void qc_free(void *p);

/// Asks the kernel to back the buffer's 2 MB-aligned extents with transparent huge pages
/// (madvise MADV_HUGEPAGE; a no-op where unsupported), before the buffer is first written: a
/// 44 MB frame then costs about 20 page faults instead of 11,000. Call it on fresh, untouched memory.
void qc_advise_huge_pages(void *start, size_t bytes);

#ifdef __cplusplus
}
#endif
#endif

import CCodecShims

/// Exact per-block means of a YCbCr JPEG's Y, Cb and Cr, read from the DC coefficients (ITU-T T.81
/// A.3.3: DC = 8 × the block's mean level-shifted sample), in code units 0...255.
///
/// Why: a decoder rounds every reconstructed sample to an integer. Where a block's chroma is flat
/// (a plain white face: the encoder quantised its chroma texture away), all 64 samples round the same
/// way, so the decoded colour sits up to half a Cb/Cr code off, about 0.7 % in r/g near white, and no
/// amount of averaging removes it. The DC coefficient carries the block mean before that rounding
/// (only the encoder's DC quantisation, q0 / 16 codes, remains). The decoder writes them down on
/// the way through its IDCT, at no extra cost (`qc_jpeg_decode_planar`).
public struct JPEGBlockMeans: Sendable {
    /// Stored (pre-orientation) size of the image.
    public let width: Int
    public let height: Int
    public let orientation: ExifOrientation
    /// Per component (Y, Cb, Cr): the block grid and the stored pixels one block covers.
    public let blocksWide: [Int]
    public let blocksHigh: [Int]
    public let blockWidth: [Int]
    public let blockHeight: [Int]
    /// Y, Cb, Cr planes of block means one after the other.
    let storage: Storage
    let offsets: [Int]

    /// The decoder's buffer (mapped pages, see `qc_jpeg_free_means`), owned and unmapped with the
    /// last copy.
    final class Storage: @unchecked Sendable {   // immutable after init
        let pointer: UnsafeMutablePointer<Float>
        let blocks: qc_jpeg_blocks
        init(_ pointer: UnsafeMutablePointer<Float>, blocks: qc_jpeg_blocks) { self.pointer = pointer; self.blocks = blocks }
        deinit { withUnsafePointer(to: blocks) { qc_jpeg_free_means(pointer, $0) } }
    }

    /// Takes ownership of the block means the decoder wrote down (`qc_jpeg_decode_planar`).
    init(blocks: qc_jpeg_blocks, means: UnsafeMutablePointer<Float>, orientation: ExifOrientation) {
        width = Int(blocks.width); height = Int(blocks.height)
        self.orientation = orientation
        let wide = [Int(blocks.blocks_wide.0), Int(blocks.blocks_wide.1), Int(blocks.blocks_wide.2)]
        let high = [Int(blocks.blocks_high.0), Int(blocks.blocks_high.1), Int(blocks.blocks_high.2)]
        blocksWide = wide; blocksHigh = high
        blockWidth = [Int(blocks.block_width.0), Int(blocks.block_width.1), Int(blocks.block_width.2)]
        blockHeight = [Int(blocks.block_height.0), Int(blocks.block_height.1), Int(blocks.block_height.2)]
        let counts = (0..<3).map { wide[$0] * high[$0] }
        storage = Storage(means, blocks: blocks)
        offsets = [0, counts[0], counts[0] + counts[1]]
    }

    /// One block of one component.
    public struct Block: Hashable, Sendable {
        public let component: Int
        public let x: Int
        public let y: Int
        public init(component: Int, x: Int, y: Int) { self.component = component; self.x = x; self.y = y }
    }

    /// The block of `component` (0 Y, 1 Cb, 2 Cr) holding upright pixel (u, v); nil outside the image.
    public func block(component c: Int, u: Int, v: Int) -> Block? {
        let uprightW = orientation.swapsAxes ? height : width, uprightH = orientation.swapsAxes ? width : height
        guard u >= 0, v >= 0, u < uprightW, v < uprightH else { return nil }
        let (x, y) = orientation.storedPosition(u: u, v: v, width: width, height: height)
        let bx = x / blockWidth[c], by = y / blockHeight[c]
        guard bx < blocksWide[c], by < blocksHigh[c] else { return nil }
        return Block(component: c, x: bx, y: by)
    }

    /// Exact mean of `block`, code units 0...255.
    public func mean(_ block: Block) -> Float {
        storage.pointer[offsets[block.component] + block.y * blocksWide[block.component] + block.x]
    }

    /// Upright pixels the block covers (clipped to the image), for reading the decoded samples there.
    public func uprightPixels(_ block: Block) -> [(u: Int, v: Int)] {
        let x0 = block.x * blockWidth[block.component], y0 = block.y * blockHeight[block.component]
        let x1 = min(width, x0 + blockWidth[block.component]), y1 = min(height, y0 + blockHeight[block.component])
        var out: [(u: Int, v: Int)] = []
        out.reserveCapacity(max(0, (x1 - x0) * (y1 - y0)))
        for y in y0..<y1 { for x in x0..<x1 { out.append(orientation.uprightPosition(x: x, y: y, width: width, height: height)) } }
        return out
    }
}

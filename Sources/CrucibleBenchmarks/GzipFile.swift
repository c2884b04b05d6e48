internal import CZlib
import Foundation

/// Reads a file, inflating it when it is gzip-compressed (benchmarks ship `*.jsonl.gz`).
enum GzipFile {
    static func read(_ path: String) throws(DatasetError) -> Data {
        let raw = try JSONFile.data(at: path)
        guard raw.count >= 2, raw[raw.startIndex] == 0x1F, raw[raw.startIndex + 1] == 0x8B else { return raw }
        guard let inflated = inflate(raw) else {
            throw DatasetError(.malformed, file: path, "not a valid gzip file")
        }
        return inflated
    }

    private static func inflate(_ compressed: Data) -> Data? {
        var stream = z_stream()
        // 15 + 32: a zlib or gzip header, detected automatically.
        guard crucible_inflate_init(&stream, 15 + 32) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = [UInt8](compressed)
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            var result = Z_OK
            repeat {
                result = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
            } while result == Z_OK
            return result
        }
        return status == Z_STREAM_END ? output : nil
    }
}

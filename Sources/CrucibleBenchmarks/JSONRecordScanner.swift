import Foundation

/// Pulls a few string fields out of every object of a large JSON array without building the rest.
///
/// Benchmark files are mostly fields Crucible does not read (Spider's `dev.json` is 3.6 MB, largely token lists
/// and parse trees); skipping them byte by byte is several times faster than decoding them. Anything unexpected
/// (a wanted field that is not a string, invalid UTF-8, a syntax error) returns nil, and the caller decodes the
/// file with `JSONDecoder`, which gives the precise error.
enum JSONRecordScanner {
    /// For each object of the top-level array, the wanted keys it has, mapped to their string (or nil for null).
    static func records(in data: Data, keys: Set<String>) -> [[String: String?]]? {
        data.withUnsafeBytes { raw in
            var scanner = Cursor(bytes: raw.bindMemory(to: UInt8.self))
            return scanner.array(keys: keys)
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func array(keys: Set<String>) -> [[String: String?]]? {
            guard consume(UInt8(ascii: "[")) else { return nil }
            var records: [[String: String?]] = []
            if consume(UInt8(ascii: "]")) { return finished() ? records : nil }
            repeat {
                guard let record = object(keys: keys) else { return nil }
                records.append(record)
            } while consume(UInt8(ascii: ","))
            guard consume(UInt8(ascii: "]")), finished() else { return nil }
            return records
        }

        private mutating func object(keys: Set<String>) -> [String: String?]? {
            guard consume(UInt8(ascii: "{")) else { return nil }
            var record: [String: String?] = [:]
            if consume(UInt8(ascii: "}")) { return record }
            repeat {
                skipSpace()
                guard let key = string(), consume(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                if keys.contains(key) {
                    if peek == UInt8(ascii: "n") {
                        guard literal("null") else { return nil }
                        record[key] = .some(nil)
                    } else {
                        guard let value = string() else { return nil }
                        record[key] = value
                    }
                } else {
                    guard skipValue() else { return nil }
                }
            } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "}")) ? record : nil
        }

        private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        private mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        private mutating func consume(_ byte: UInt8) -> Bool {
            skipSpace()
            guard peek == byte else { return false }
            index += 1
            return true
        }

        private mutating func finished() -> Bool {
            skipSpace()
            return index == bytes.count
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        /// A string at the cursor, unescaped; nil if the cursor is not on a valid string.
        private mutating func string() -> String? {
            guard peek == UInt8(ascii: "\"") else { return nil }
            index += 1
            let start = index
            while index < bytes.count && bytes[index] != UInt8(ascii: "\"") && bytes[index] != UInt8(ascii: "\\") {
                index += 1
            }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            var buffer = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: buffer, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard appendEscape(to: &buffer) else { return nil }
                case 0..<0x20:
                    return nil
                default:
                    buffer.append(byte)
                }
            }
            return nil
        }

        private mutating func appendEscape(to buffer: inout [UInt8]) -> Bool {
            guard let escape = peek else { return false }
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                guard var code = hex4() else { return false }
                if (0xD800..<0xDC00).contains(code) {
                    guard literal("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return false }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { return false }
                buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: return false
            }
            return true
        }

        private mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = hexValue(bytes[index]) else { return nil }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        private func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }

        /// Skips one value, checking its syntax as strictly as a decoder would: a malformed part of a field Crucible
        /// does not read must still be reported, not silently passed over.
        private mutating func skipValue(depth: Int = 0) -> Bool {
            skipSpace()
            guard let first = peek, depth < 512 else { return false }
            switch first {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "["):
                index += 1
                if consume(UInt8(ascii: "]")) { return true }
                repeat {
                    guard skipValue(depth: depth + 1) else { return false }
                } while consume(UInt8(ascii: ","))
                return consume(UInt8(ascii: "]"))
            case UInt8(ascii: "{"):
                index += 1
                if consume(UInt8(ascii: "}")) { return true }
                repeat {
                    skipSpace()
                    guard peek == UInt8(ascii: "\""), skipString(), consume(UInt8(ascii: ":")),
                        skipValue(depth: depth + 1)
                    else { return false }
                } while consume(UInt8(ascii: ","))
                return consume(UInt8(ascii: "}"))
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return skipNumber()
            }
        }

        /// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        private mutating func skipNumber() -> Bool {
            func digits() -> Int {
                let start = index
                while let byte = peek, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { index += 1 }
                return index - start
            }
            if peek == UInt8(ascii: "-") { index += 1 }
            if peek == UInt8(ascii: "0") {
                index += 1
            } else if digits() == 0 {
                return false
            }
            if peek == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { return false }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { return false }
            }
            return true
        }

        private mutating func skipString() -> Bool {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""):
                    index += 1
                    return true
                case 0..<0x20: return false
                default: index += 1
                }
            }
            return false
        }
    }
}

import Foundation

/// Reads JSON files and turns decoding failures into errors that name the file, line and column.
enum JSONFile {
    static func data(at path: String) throws(DatasetError) -> Data {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DatasetError(.missingFile, file: path, "file not found")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DatasetError(.missingFile, file: path, "cannot read: \(error.localizedDescription)")
        }
    }

    /// Decodes an array of records, taking the fast path of `JSONRecordScanner` when every record has the string
    /// fields `make` needs, and `JSONDecoder` (with its precise errors) otherwise.
    static func decodeRecords<T: Decodable>(
        _ type: T.Type, at path: String, keys: Set<String>, make: ([String: String?]) -> T?
    ) throws(DatasetError) -> [T] {
        let bytes = try data(at: path)
        if let records = JSONRecordScanner.records(in: bytes, keys: keys) {
            let made = records.compactMap(make)
            if made.count == records.count { return made }
        }
        return try decode([T].self, from: bytes, file: path)
    }

    static func decode<T: Decodable>(_ type: T.Type, at path: String) throws(DatasetError) -> T {
        let bytes = try data(at: path)
        return try decode(type, from: bytes, file: path)
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: Data, file: String, line: Int? = nil)
        throws(DatasetError) -> T
    {
        do {
            return try JSONDecoder().decode(type, from: bytes)
        } catch let error as DecodingError {
            throw describe(error, bytes: bytes, file: file, line: line)
        } catch {
            throw DatasetError(.malformed, file: file, line: line, "invalid JSON: \(error)")
        }
    }

    private static func describe(_ error: DecodingError, bytes: Data, file: String, line: Int?) -> DatasetError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            let (errorLine, column) = syntaxErrorPosition(in: bytes)
            return DatasetError(
                .malformed, file: file, line: (line ?? 1) + (errorLine ?? 1) - 1, column: column,
                "invalid JSON syntax")
        case .dataCorrupted(let context):
            return DatasetError(
                .malformed, file: file, line: line, "\(path(context.codingPath)): \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            return DatasetError(
                .malformed, file: file, line: line, "\(path(context.codingPath + [key])): required field is missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return DatasetError(
                .malformed, file: file, line: line, "\(path(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return DatasetError(.malformed, file: file, line: line, "invalid JSON: \(error)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        let parts = keys.map { key in key.intValue.map { "entry \($0)" } ?? key.stringValue }
        return parts.isEmpty ? "document" : parts.joined(separator: " › ")
    }

    /// Foundation's parser reports the byte offset of a syntax error ("around character N"); turn it into a line
    /// and column a user can jump to.
    static func syntaxErrorPosition(in bytes: Data) -> (line: Int?, column: Int?) {
        do {
            _ = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
            return (nil, nil)
        } catch {
            let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            guard let range = text.range(of: #"character (\d+)"#, options: .regularExpression),
                let offset = Int(text[range].dropFirst("character ".count))
            else { return (nil, nil) }
            var line = 1
            var column = 1
            for byte in bytes.prefix(offset) {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return (line, column)
        }
    }
}

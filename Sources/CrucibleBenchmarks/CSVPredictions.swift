/// Predictions in a CSV file with a header row. The SQL is in a named column; rows are in dataset order unless a
/// `task_id` column says which task each row is for. A `db_id` column, when present, is checked.
enum CSVPredictions {
    static func read(_ path: String, column: String, dataset: SQLDataset) throws(DatasetError) -> [String] {
        let bytes = try JSONFile.data(at: path)
        let records = try CSVRecords.parse(String(decoding: bytes, as: UTF8.self), file: path)
        guard let header = records.first else { throw DatasetError(.malformed, file: path, "empty CSV file") }
        guard let sqlColumn = header.fields.firstIndex(of: column) else {
            throw DatasetError(
                .malformed, file: path, line: 1,
                "no column named `\(column)` (columns: \(header.fields.joined(separator: ", "))); choose one with --column"
            )
        }
        let idColumn = header.fields.firstIndex(of: "task_id")
        let databaseColumn = header.fields.firstIndex(of: "db_id")
        var predictions = [String?](repeating: nil, count: dataset.tasks.count)
        for (position, record) in records.dropFirst().enumerated() {
            guard record.fields.count == header.fields.count else {
                throw DatasetError(
                    .malformed, file: path, line: record.line,
                    "has \(record.fields.count) fields but the header has \(header.fields.count)")
            }
            let index = idColumn.map { Int(record.fields[$0]) ?? -1 } ?? position
            guard predictions.indices.contains(index) else {
                throw DatasetError(
                    .mismatch, file: path, line: record.line,
                    "row is for task \(idColumn.map { record.fields[$0] } ?? String(position)), which "
                        + "\(dataset.questionsFile) does not have (0..<\(dataset.tasks.count))")
            }
            guard predictions[index] == nil else {
                throw DatasetError(.mismatch, file: path, line: record.line, "task_id \(index) appears twice")
            }
            if let databaseColumn {
                try SQLPredictionsReader.check(
                    databaseID: record.fields[databaseColumn], task: index, path: path, line: record.line, dataset)
            }
            predictions[index] = record.fields[sqlColumn]
        }
        if idColumn == nil {
            try SQLPredictionsReader.checkCount(records.count - 1, path: path, dataset: dataset)
        }
        return try SQLPredictionsReader.complete(predictions, path: path, dataset: dataset)
    }
}

/// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
struct CSVRecords {
    var line: Int
    var fields: [String]

    static func parse(_ text: String, file: String) throws(DatasetError) -> [CSVRecords] {
        var records: [CSVRecords] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecords(line: recordLine, fields: fields))
            }
            fields = []
        }
        while let scalar = pending {
            pending = scalars.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = scalars.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: inQuotes = true
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
            case "\r" where pending == "\n": continue
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default: field.append(scalar)
            }
        }
        if inQuotes { throw DatasetError(.malformed, file: file, line: recordLine, "unterminated quoted field") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}

import Testing

@testable import CrucibleSQL

@Suite("Text is decoded like bytes.decode(errors='ignore')")
struct TextDecodingTests {
    @Test func invalidBytesAreDroppedOnRealExecution() throws {
        let database = try TemporaryDatabase(
            "CREATE TABLE t(x TEXT); INSERT INTO t VALUES (CAST(X'61FF62E282' AS TEXT));")
        let table = try database.table("SELECT x FROM t")
        #expect(table.rows == [[.text("ab")]])
    }

    @Test func truncatedSequenceBeforeValidTextKeepsTheText() {
        let bytes: [UInt8] = [0xE2, 0x82, 0x41, 0xC3, 0xA9]
        let decoded = bytes.withUnsafeBufferPointer { LenientUTF8.decode($0) }
        #expect(decoded == "A\u{E9}")
    }

    @Test func validTextIsUnchanged() {
        let text = "Łódź – Zoë"
        let decoded = Array(text.utf8).withUnsafeBufferPointer { LenientUTF8.decode($0) }
        #expect(decoded == text)
    }

    @Test func blobsStayBytes() throws {
        let database = try TemporaryDatabase("CREATE TABLE t(x BLOB); INSERT INTO t VALUES (X'00FF');")
        #expect(try database.table("SELECT x FROM t").rows == [[.blob([0x00, 0xFF])]])
    }
}

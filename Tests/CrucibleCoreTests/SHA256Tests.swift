import CrucibleCore
import Foundation
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    @Test func knownDigests() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1_000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func feedingInPiecesGivesTheSameDigest() {
        var hasher = SHA256()
        for piece in ["ab", "c"] { hasher.update(piece.utf8) }
        #expect(hasher.hexDigest() == SHA256.hex("abc"))
    }

    /// Against coreutils' sha256sum on a real file, fed in uneven pieces that straddle block boundaries.
    @Test func aFileHashedInUnevenPiecesMatchesSha256sum() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<300_001).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = NSTemporaryDirectory() + "crucible-sha-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var hasher = SHA256()
        let sizes = [1, 63, 64, 65, 200, 4096, 131_072]
        var offset = 0
        var piece = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + sizes[piece % sizes.count])
            hasher.update(Data(bytes[offset..<end]))
            offset = end
            piece += 1
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(hasher.hexDigest() == String(output.prefix(64)))
    }
}

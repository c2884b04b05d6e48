/// Decodes UTF-8 the way Python's `bytes.decode(errors="ignore")` does: every maximal invalid subsequence is
/// dropped, valid text around it is kept. Spider's evaluator installs exactly this as its text factory.
enum LenientUTF8 {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var dropped = false
        return decode(bytes, dropped: &dropped)
    }

    /// Decodes, setting `dropped` when some bytes were not UTF-8.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, dropped: inout Bool) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        dropped = true
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): scalars.append(Unicode.UTF8.decode(encoded))
            case .error: continue
            case .emptyInput: break loop
            }
        }
        return String(scalars)
    }
}

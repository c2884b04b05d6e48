import Foundation

/// One value of a result row, typed the way SQLite stores it.
///
/// Equality and hashing follow Python's semantics, because the official evaluators compare rows as Python tuples:
/// an integer equals a real of the same mathematical value (`1 == 1.0`), text compares by code points (no Unicode
/// normalisation), and text never equals a blob.
public enum SQLValue: Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

extension SQLValue: Hashable {
    public static func == (lhs: SQLValue, rhs: SQLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.integer(let a), .integer(let b)): return a == b
        case (.real(let a), .real(let b)): return a == b
        case (.integer(let a), .real(let b)), (.real(let b), .integer(let a)):
            return Self.exactlyEqual(a, b)
        case (.text(let a), .text(let b)): return Self.sameBytes(a, b)
        case (.blob(let a), .blob(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0 as UInt8)
        case .integer(let value):
            hasher.combine(1 as UInt8)
            hasher.combine(value)
        case .real(let value):
            // Integral reals hash like the integer they equal, so that `1` and `1.0` land in one bucket.
            if let integral = Int64(exactly: value) {
                hasher.combine(1 as UInt8)
                hasher.combine(integral)
            } else {
                hasher.combine(2 as UInt8)
                hasher.combine(value)
            }
        case .text(let value):
            hasher.combine(3 as UInt8)
            hasher.combine(value.utf8.count)
            let hashed: Void? = value.utf8.withContiguousStorageIfAvailable {
                hasher.combine(bytes: UnsafeRawBufferPointer($0))
            }
            if hashed == nil {
                for byte in value.utf8 { hasher.combine(byte) }
            }
        case .blob(let value):
            hasher.combine(4 as UInt8)
            hasher.combine(value)
        }
    }

    /// Code-point equality (Swift's `==` on strings would also equate canonically equivalent text).
    private static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        let fast = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }
        return (fast ?? nil) ?? lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// Python compares an int with a float exactly (no rounding of the int to a double).
    private static func exactlyEqual(_ integer: Int64, _ real: Double) -> Bool {
        guard let converted = Int64(exactly: real) else { return false }
        return converted == integer
    }
}

extension SQLValue: CustomStringConvertible {
    /// The value as Python's `str()` prints it (`None`, `1`, `1.0`, `abc`, `b'\x00'`).
    public var description: String {
        switch self {
        case .null: return "None"
        case .integer(let value): return String(value)
        case .real(let value): return PythonRepr.float(value)
        case .text(let value): return value
        case .blob(let value): return PythonRepr.bytes(value)
        }
    }

    /// Python's type name for the value, as `str(type(x))` prints it.
    public var pythonTypeName: String {
        switch self {
        case .null: return "<class 'NoneType'>"
        case .integer: return "<class 'int'>"
        case .real: return "<class 'float'>"
        case .text: return "<class 'str'>"
        case .blob: return "<class 'bytes'>"
        }
    }
}

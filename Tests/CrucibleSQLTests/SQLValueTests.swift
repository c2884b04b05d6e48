import Testing

@testable import CrucibleSQL

@Suite("Values compare as Python objects")
struct SQLValueTests {
    @Test func integerEqualsIntegralReal() {
        #expect(SQLValue.integer(1) == .real(1.0))
        #expect(Set<SQLValue>([.integer(1), .real(1.0)]).count == 1)
        #expect(SQLValue.integer(1) != .real(1.5))
        #expect(SQLValue.integer(0) == .real(-0.0))
    }

    @Test func largeIntegersCompareExactlyWithReals() {
        // 2^53 + 1 is not representable as a double; Python says int(2**53+1) != float(2**53).
        #expect(SQLValue.integer(9_007_199_254_740_993) != .real(9_007_199_254_740_992.0))
        #expect(SQLValue.integer(9_007_199_254_740_992) == .real(9_007_199_254_740_992.0))
    }

    @Test func textComparesByCodePointsWithoutNormalisation() {
        let composed = SQLValue.text("\u{E9}")
        let decomposed = SQLValue.text("e\u{301}")
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
    }

    @Test func textNeverEqualsBlobOrNull() {
        #expect(SQLValue.text("a") != .blob([0x61]))
        #expect(SQLValue.null != .text("None"))
        #expect(SQLValue.null == .null)
    }

    @Test func pythonSpellingOfValues() {
        #expect(SQLValue.real(1).description == "1.0")
        #expect(SQLValue.real(1e16).description == "1e+16")
        #expect(SQLValue.real(1e15).description == "1000000000000000.0")
        #expect(SQLValue.real(1e-5).description == "1e-05")
        #expect(SQLValue.real(0.1 + 0.2).description == "0.30000000000000004")
        #expect(SQLValue.real(.infinity).description == "inf")
        #expect(SQLValue.blob([0x61, 0x27, 0x00, 0xFF]).description == #"b"a'\x00\xff""#)
        #expect(SQLValue.blob([0x5C, 0x0A]).description == #"b'\\\n'"#)
        #expect(SQLValue.null.description == "None")
    }
}

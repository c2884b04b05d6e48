import CrucibleBenchmarks
import Testing

/// Which answers may share a process: literals only, nothing that calls, names, imports or formats.
@Suite("Literal answers")
struct PythonLiteralTests {
    @Test func literalsAreRecognisedAndCodeIsNot() {
        for literal in ["17", "-3.5e2", "'abc'", "b'x'", "[1, (2, 'a'), {'k': None}]", "{1, 2}", "True", "()", "1j"] {
            #expect(PythonLiteral.isLiteral(literal), "\(literal)")
        }
        for code in [
            "f(3)", "__import__('os')", "x", "[1] * 10**9", "'a'.upper()", "f'{x}'", "1 if True else 2",
            "(lambda: 1)()", "1; 2", "", "'a\\n'", "1 == 1 or print(1)",
        ] {
            #expect(!PythonLiteral.isLiteral(code), "\(code)")
        }
    }
}

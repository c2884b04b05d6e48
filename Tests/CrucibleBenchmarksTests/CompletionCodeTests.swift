import CrucibleBenchmarks
import Testing

@Suite("Code extracted from completions")
struct CompletionCodeTests {
    @Test func pythonTakesThePythonBlockOrTheTextAsItIs() {
        let chat = "Here you go:\n```python\ndef f(x):\n    return x\n```\nThis returns x."
        #expect(CompletionCode.python(chat) == "def f(x):\n    return x\n")
        let continuation = "    return sorted(set(l))\n"
        #expect(CompletionCode.python(continuation) == continuation)
        let tagged = "```text\nnot code\n```\n```py\nprint(1)\n```"
        #expect(CompletionCode.python(tagged) == "print(1)\n")
        let untagged = "```\nx = 1\n```"
        #expect(CompletionCode.python(untagged) == "x = 1\n")
        let unclosed = "```python\nx = 2\ny = 3"
        #expect(CompletionCode.python(unclosed) == "x = 2\ny = 3")
    }

    @Test func ds1000FollowsTheOfficialCleanUp() {
        #expect(CompletionCode.ds1000("<code>\nresult = df.sum()\n</code>\nEND SOLUTION") == "\nresult = df.sum()\n")
        #expect(CompletionCode.ds1000("result = 1\nEND SOLUTION\nmore") == "result = 1")
    }

    @Test func sqlTakesTheFirstStatement() {
        #expect(
            CompletionCode.sql("SELECT count(*) FROM singer;\n\nThis counts singers.") == "SELECT count(*) FROM singer")
        #expect(
            CompletionCode.sql("```sql\nSELECT name FROM t WHERE a = ';'; DROP TABLE t\n```")
                == "SELECT name FROM t WHERE a = ';'")
        #expect(CompletionCode.sql("The query is:\nSELECT 1\nFROM t") == "SELECT 1\nFROM t")
        #expect(CompletionCode.sql("  with x as (select 1) select * from x") == "with x as (select 1) select * from x")
        #expect(CompletionCode.sql("SELECT \"a;b\", [c;d] FROM t; SELECT 2") == "SELECT \"a;b\", [c;d] FROM t")
    }
}

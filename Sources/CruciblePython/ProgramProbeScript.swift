/// The Python half of a probe (`PythonProbe`): run only when a program asks for one, to build execution feedback
/// for a model repairing its code. It captures the values of a failed `assert A == B` and a NExT-style trace of the
/// candidate's own code (each executed line with the variables it changed). Nothing here runs for ordinary
/// programs, so their verdicts and speed are untouched.
enum ProgramProbeScript {
    static let bootstrap = #"""
        import ast as _crucible_ast, reprlib as _crucible_reprlib, textwrap as _crucible_textwrap

        _crucible_probe = None

        def _crucible_set_probe(text):
            global _crucible_probe
            _crucible_probe = json.loads(text) if text else None

        def _crucible_cut(text, limit):
            if len(text) <= limit:
                return text
            marker = "…[%d chars omitted]…" % (len(text) - limit)
            keep = max(0, limit - len(marker))
            return text[:(keep + 1) // 2] + marker + text[len(text) - keep // 2:]

        def _crucible_assertion(error):
            # The failing assert is the program's last own frame; its operands are evaluated again there.
            found = None
            tb = error.__traceback__
            while tb is not None:
                if tb.tb_frame.f_code.co_filename == "<program>":
                    found = tb
                tb = tb.tb_next
            if found is None:
                return None
            frame = found.tb_frame
            text = None
            try:
                start, end = list(frame.f_code.co_positions())[found.tb_lasti // 2][:2]
                if start and end:
                    text = _crucible_textwrap.dedent("".join(linecache.getlines("<program>")[start - 1:end])).strip()
            except BaseException:
                text = None
            if not text:
                text = linecache.getline("<program>", found.tb_lineno).strip()
            result = {"statement": _crucible_cut(text, 300)}
            try:
                node = _crucible_ast.parse(text).body[0]
                test = node.test
                if isinstance(node, _crucible_ast.Assert) and isinstance(test, _crucible_ast.Compare) and \
                        len(test.ops) == 1 and isinstance(test.ops[0], _crucible_ast.Eq):
                    def value(expression):
                        code = compile(_crucible_ast.Expression(expression), "<assertion>", "eval")
                        return _crucible_cut(repr(eval(code, frame.f_globals, frame.f_locals)), 300)
                    result["actual"] = value(test.left)
                    result["expected"] = value(test.comparators[0])
            except BaseException:
                pass
            return result

        class _CrucibleTracer:
            def __init__(self, probe):
                self.file = probe.get("candidateFile", "<program>")
                lines = probe.get("candidateLines")
                self.low, self.high = (lines[0], lines[1]) if lines else (None, None)
                self.source = probe.get("candidateSource", "")
                self.cap = probe.get("traceCap", 4096)
                self.max_steps = probe.get("maxSteps", 10000)
                self.short = _crucible_reprlib.Repr()
                self.short.maxstring = self.short.maxother = self.short.maxlong = 40
                self.short.maxlist = self.short.maxtuple = self.short.maxdict = self.short.maxset = 5
                self.short.maxlevel = 2
                self.reset()

            def reset(self):
                self.steps = 0
                self.stopped = False
                self.lines = {}
                self.notes = {}
                self.pending = {}
                self.raising = set()

            def in_range(self, line):
                return self.low is None or self.low <= line <= self.high

            def is_candidate(self, code):
                return code.co_filename == self.file and self.in_range(code.co_firstlineno)

            def snapshot(self, frame):
                values = {}
                for name, value in list(frame.f_locals.items()):
                    if name.startswith("__") or type(value).__name__ == "module" or \
                            callable(value) and not isinstance(value, (list, dict, tuple, set)):
                        continue
                    try:
                        values[name] = self.short.repr(value)
                    except BaseException:
                        values[name] = "<?>"
                return values

            def record(self, frame):
                # The changes since the frame's last line event belong to that line.
                pending = self.pending.pop(id(frame), None)
                if pending is None:
                    return
                line, step, before = pending
                after = self.snapshot(frame)
                changed = ", ".join("%s=%s" % (k, v) for k, v in after.items() if before.get(k) != v)
                entry = (step, "[%d]" % step + (" " + changed if changed else ""))
                known = self.lines.get(line)
                if known is None:
                    self.lines[line] = [entry, entry, 1]
                else:
                    # Recursive calls finish out of order: first and last are by step, not by arrival.
                    known[0] = min(known[0], entry)
                    known[1] = max(known[1], entry)
                    known[2] += 1

            def call(self, frame, event, arg):
                try:
                    if event != "call" or not self.is_candidate(frame.f_code):
                        return None
                    caller = frame.f_back
                    if caller is None or caller.f_code.co_filename != self.file or not self.in_range(caller.f_lineno):
                        self.reset()
                    elif self.stopped:
                        return None
                    return self.local
                except BaseException:
                    return None

            def local(self, frame, event, arg):
                try:
                    if event == "line":
                        self.raising.discard(id(frame))
                        self.record(frame)
                        line = frame.f_lineno
                        if self.stopped:
                            frame.f_trace_lines = False
                        elif self.in_range(line):
                            self.steps += 1
                            if self.steps > self.max_steps:
                                self.stopped = True
                                frame.f_trace_lines = False
                            else:
                                self.pending[id(frame)] = (line, self.steps, self.snapshot(frame))
                    elif event == "return":
                        self.record(frame)
                        line = frame.f_lineno
                        if id(frame) in self.raising:
                            self.raising.discard(id(frame))
                        elif self.in_range(line) and frame.f_code.co_name != "<module>":
                            self.notes.setdefault(line, []).append("returned " + self.short.repr(arg))
                            del self.notes[line][:-1]
                    elif event == "exception" and self.in_range(frame.f_lineno):
                        kind, value = arg[0], arg[1]
                        note = "raised %s: %s" % (kind.__name__, _crucible_cut(str(value), 80))
                        self.notes.setdefault(frame.f_lineno, [note])
                        self.raising.add(id(frame))
                    return self.local
                except BaseException:
                    return None

            def render(self):
                out = []
                first = self.low or 1
                for offset, text in enumerate(self.source.split("\n")):
                    line = first + offset
                    parts = []
                    entry = self.lines.get(line)
                    if entry is not None:
                        first_entry, last_entry, count = entry
                        parts.append(
                            first_entry[1] if count == 1 else "%s … %s (%d times)" % (first_entry[1], last_entry[1], count))
                    parts.extend(self.notes.get(line, []))
                    out.append(text.rstrip() + ("  # " + "; ".join(parts) if parts else ""))
                while out and not out[-1].strip():
                    out.pop()
                if self.stopped:
                    out.append("# … trace stopped after %d steps" % self.max_steps)
                text = "\n".join(out)
                data = text.encode()
                if len(data) <= self.cap:
                    return text
                marker = "\n# …[trace truncated]…\n".encode()
                keep = max(0, self.cap - len(marker))
                head = data[:(keep + 1) // 2].decode("utf-8", "ignore")
                tail = data[len(data) - keep // 2:].decode("utf-8", "ignore") if keep // 2 else ""
                return head + marker.decode() + tail
        """#
}

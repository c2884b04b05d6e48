/// The Python half of the sandbox: bootstrap code run once in each worker's interpreter, and the function that
/// runs one program in a forked child.
///
/// Written in Python because classifying exceptions and formatting the program's own traceback lines is what the
/// language does natively; the Swift side only passes the program text in and reads the JSON verdict back.
enum ProgramRunnerScript {
    static let bootstrap = #"""
        import sys, os, gc, json, importlib, traceback, linecache, re, tempfile, socket

        _crucible_source_text = ""

        def _crucible_preload(names, program_imports, warm_up, fd, confinement):
            versions = {}
            for name in names:
                standard = name.split(".")[0] in sys.stdlib_module_names
                try:
                    module = importlib.import_module(name)
                    if not standard:
                        versions[name] = str(getattr(module, "__version__", "")) or "present"
                except BaseException as error:
                    if not standard:
                        versions[name] = None
            if "matplotlib" in sys.modules:
                try:
                    import matplotlib
                    matplotlib.use("Agg")
                    import matplotlib.pyplot
                except BaseException:
                    pass
            for name in program_imports:
                try:
                    importlib.import_module(name)
                except BaseException:
                    pass
            if warm_up:
                try:
                    exec(compile(warm_up, "<warm-up>", "exec"), {"__name__": "_crucible_warm_up"})
                except BaseException:
                    pass
            # Objects that exist before the first fork are never collected in a child: a full collection there
            # would write to every object's header and copy most of the worker's memory.
            gc.freeze()
            hello = {"python": sys.version.split()[0], "executable": sys.executable, "libraries": versions,
                     "path": list(sys.path), "confinement": confinement}
            os.write(fd, (json.dumps(hello) + "\n").encode())

        def _crucible_write(fd, data):
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]

        _CRUCIBLE_OPTIONAL = ()

        def _crucible_describe(error, status, source_name):
            frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == source_name]
            lines = ["line %d, in %s: %s" % (frame.lineno, frame.name, (frame.line or "").strip()) for frame in frames]
            if isinstance(error, SyntaxError) and error.filename == source_name:
                lines.append("line %s: %s" % (error.lineno, (error.text or "").strip()))
            message = str(error)
            if len(message) > 2000:
                message = message[:2000] + "..."
            return {"status": status, "type": type(error).__name__, "message": message, "traceback": lines[-20:]}

        def _crucible_needs_network(error):
            stack, seen = [error], 0
            while stack and seen < 20:
                current = stack.pop()
                seen += 1
                if isinstance(current, socket.gaierror):
                    return True
                for linked in (getattr(current, "reason", None), current.__cause__, current.__context__):
                    if isinstance(linked, BaseException):
                        stack.append(linked)
            return False

        def _crucible_raised_in_answer(error):
            # DS-1000's harness runs the answer with exec() on a string: when the call made by the program's last
            # own frame is the top level of such a string, the answer was running. (Libraries make "<string>"
            # frames too, deeper down, e.g. dataclasses, so only this position counts.)
            frames = traceback.extract_tb(error.__traceback__)
            own = [index for index, frame in enumerate(frames) if frame.filename == "<program>"]
            if not own or own[-1] + 1 >= len(frames):
                return False
            callee = frames[own[-1] + 1]
            return callee.filename == "<string>" and callee.name == "<module>"

        def _crucible_classify(error):
            if isinstance(error, AssertionError):
                return "failed"
            if isinstance(error, MemoryError):
                return "memory"
            # Unavailable means the task cannot run here at all (its test harness imports a missing library or
            # downloads data); an answer that itself imports or downloads something is simply wrong.
            if not _CRUCIBLE_OPTIONAL:
                return "error"
            if isinstance(error, ModuleNotFoundError):
                missing = (error.name or "").split(".")[0]
                # The task's own code imports it on a line of its own; an answer's text sits inside one string
                # literal line, so it never matches.
                if missing in _CRUCIBLE_OPTIONAL and re.search(r"^[ \t]*(import|from)[ \t]+%s\b" % re.escape(missing),
                                                              _crucible_source_text, re.M):
                    return "unavailable"
            elif _crucible_needs_network(error) and not _crucible_raised_in_answer(error):
                return "unavailable"
            return "error"

        def _crucible_prepare(source):
            # Runs in the worker before the fork: compiling in the child would cost a few hundred copy-on-write
            # page faults per program, more than running a typical HumanEval test.
            global _crucible_source_text, _crucible_code
            _crucible_source_text = source
            name = "<program>"
            linecache.cache[name] = (len(source), None, source.splitlines(True), name)
            try:
                _crucible_code = compile(source, name, "exec")
            except BaseException as error:
                _crucible_code = error

        def _crucible_settle(directory):
            # Every program of this worker runs in the same (recreated) directory, so its home and temporary
            # folder are set once here, not in each child.
            os.environ["TMPDIR"] = directory
            os.environ["HOME"] = directory
            tempfile.tempdir = None

        _CRUCIBLE_PASSED = json.dumps({"status": "passed"}).encode()

        def _crucible_run():
            fd = _CRUCIBLE_RESULT_FD
            # Only this process reports: a copy the program forks finishes the program too, and must not write a
            # verdict of its own beside (or before) this one.
            reporter = os.getpid()
            name = "<program>"
            namespace = {"__name__": "__main__", "__builtins__": __builtins__}
            probe = _crucible_probe
            tracer = _CrucibleTracer(probe) if probe and probe.get("trace") else None
            try:
                if isinstance(_crucible_code, BaseException):
                    raise _crucible_code
                if tracer is not None:
                    sys.settrace(tracer.call)
                exec(_crucible_code, namespace)
                sys.settrace(None)
                outcome = None
            except SystemExit as error:
                sys.settrace(None)
                outcome = _crucible_describe(error, "error", name)
                outcome["message"] = "the program called sys.exit(%r) before its tests finished" % (error.code,)
            except BaseException as error:
                sys.settrace(None)
                outcome = _crucible_describe(error, _crucible_classify(error), name)
                if probe and isinstance(error, AssertionError):
                    assertion = _crucible_assertion(error)
                    if assertion is not None:
                        outcome["assertion"] = assertion
            if tracer is not None:
                if outcome is None:
                    outcome = {"status": "passed"}
                try:
                    outcome["trace"] = tracer.render()
                except BaseException:
                    pass
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except BaseException:
                    pass
            try:
                if os.getpid() == reporter:
                    _crucible_write(fd, _CRUCIBLE_PASSED if outcome is None else json.dumps(outcome).encode())
            finally:
                os._exit(0)
        """#
}

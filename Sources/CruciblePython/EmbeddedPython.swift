internal import CPython
import CrucibleCore

/// The interpreter embedded in a worker process. Used from the worker's main thread only, which holds the GIL
/// from initialisation on: the worker never starts other threads, so it can fork safely.
enum EmbeddedPython {
    /// Starts the interpreter without Python's signal handlers, with `paths` first on `sys.path`. Given paths make a
    /// self-contained environment: the interpreter then starts without the `site` module, so the system's site
    /// packages (Debian's `python3-*`) are neither on the path nor pre-imported by their `.pth` files (Debian's
    /// matplotlib `.pth` imports its `mpl_toolkits`, which a pinned matplotlib cannot draw in 3D with).
    static func initialize(paths: [String]) {
        if !paths.isEmpty { crucible_python_disable_site() }
        Py_InitializeEx(0)
        guard !paths.isEmpty else { return }
        let literal = JSONValue.array(paths.map(JSONValue.string)).serialized()
        // `exit`, `quit`, `help` and friends come from `site`; programs may use them.
        run("import sys, site\nsys.path[:0] = \(literal)\nsite.setquit()\nsite.setcopyright()\nsite.sethelper()\n")
    }

    /// Runs statements in `__main__`; false when they raised (the traceback goes to the worker's standard error).
    @discardableResult
    static func run(_ code: String) -> Bool {
        PyRun_SimpleString(code) == 0
    }

    /// Calls `function` (a name bound in `__main__`) with `text` as its only argument, without compiling anything;
    /// false when it is missing or raised.
    @discardableResult
    static func call(_ function: String, text: String) -> Bool {
        finish(callReturning(function, text: text))
    }

    /// Calls `function` (a name bound in `__main__`) with `text` and returns the text it returned; nil when it is
    /// missing, raised, or returned something else.
    static func callForText(_ function: String, text: String) -> String? {
        guard let result = callReturning(function, text: text) else {
            PyErr_Print()
            return nil
        }
        defer { Py_DecRef(result) }
        guard let bytes = PyUnicode_AsUTF8(result) else {
            PyErr_Clear()
            return nil
        }
        return String(cString: bytes)
    }

    /// The new reference `function(text)` returned; nil (with the Python error set, or cleared when the argument
    /// could not be built) otherwise.
    private static func callReturning(_ function: String, text: String) -> UnsafeMutablePointer<PyObject>? {
        guard let callable = global(function) else { return nil }
        var text = text
        let argument = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PyUnicode_FromStringAndSize($0.baseAddress, $0.count) }
        }
        guard let argument, let arguments = PyTuple_New(1) else {
            PyErr_Clear()
            return nil
        }
        PyTuple_SetItem(arguments, 0, argument)
        defer { Py_DecRef(arguments) }
        return PyObject_CallObject(callable, arguments)
    }

    /// Calls `function` (a name bound in `__main__`) with no arguments. Used in forked children, where compiling
    /// even a one-line statement would copy hundreds of the worker's pages.
    @discardableResult
    static func call(_ function: String) -> Bool {
        guard let callable = global(function) else { return false }
        return finish(PyObject_CallObject(callable, nil))
    }

    private static func global(_ name: String) -> UnsafeMutablePointer<PyObject>? {
        guard let main = PyImport_AddModule("__main__"), let globals = PyModule_GetDict(main) else { return nil }
        return PyDict_GetItemString(globals, name)
    }

    private static func finish(_ result: UnsafeMutablePointer<PyObject>?) -> Bool {
        guard let result else {
            PyErr_Print()
            return false
        }
        Py_DecRef(result)
        return true
    }

    static func beforeFork() { PyOS_BeforeFork() }
    static func afterForkInParent() { PyOS_AfterFork_Parent() }
    static func afterForkInChild() { PyOS_AfterFork_Child() }
}

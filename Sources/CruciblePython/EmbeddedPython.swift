internal import CPython
import CrucibleCore

/// The interpreter embedded in a worker process. Used from the worker's main thread only, which holds the GIL
/// from initialisation on: the worker never starts other threads, so it can fork safely.
enum EmbeddedPython {
    /// Starts the interpreter without Python's signal handlers, with `paths` first on `sys.path`.
    static func initialize(paths: [String]) {
        Py_InitializeEx(0)
        let literal = JSONValue.array(paths.map(JSONValue.string)).serialized()
        _ = run("import sys\nsys.path[:0] = \(literal)\n")
    }

    /// Runs statements in `__main__`; false when they raised (the traceback goes to the worker's standard error).
    @discardableResult
    static func run(_ code: String) -> Bool {
        PyRun_SimpleString(code) == 0
    }

    /// Binds `name` in `__main__` to a Python string holding `text`.
    static func setGlobal(_ name: String, text: String) {
        guard let main = PyImport_AddModule("__main__"), let globals = PyModule_GetDict(main) else { return }
        var text = text
        text.withUTF8 { bytes in
            let value = bytes.withMemoryRebound(to: CChar.self) { chars in
                PyUnicode_FromStringAndSize(chars.baseAddress, chars.count)
            }
            if let value {
                PyDict_SetItemString(globals, name, value)
                Py_DecRef(value)
            } else {
                PyErr_Clear()
            }
        }
    }

    static func beforeFork() { PyOS_BeforeFork() }
    static func afterForkInParent() { PyOS_AfterFork_Parent() }
    static func afterForkInChild() { PyOS_AfterFork_Child() }
}

public import Foundation

/// Debian's `chromium`, run headless by tests to load Crucible's HTML and SVG the way a reader's browser does
/// (installed by `scripts/setup.sh test`; the main job does not need it).
public enum HeadlessBrowser {
    public static let path = "/usr/bin/chromium"

    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// The page's DOM after its scripts ran (`url` may carry a `#fragment` the page reads).
    public static func dom(_ url: URL, budgetMilliseconds: Int = 5000) throws -> String {
        try run(["--virtual-time-budget=\(budgetMilliseconds)", "--dump-dom", url.absoluteString])
    }

    /// Writes a PNG screenshot of the page.
    public static func screenshot(_ url: URL, to file: String, width: Int = 1280, height: Int = 900) throws {
        _ = try run([
            "--hide-scrollbars", "--window-size=\(width),\(height)", "--virtual-time-budget=5000",
            "--screenshot=\(file)", url.absoluteString,
        ])
    }

    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        // No sandbox: tests run as root in containers, where chromium's own sandbox cannot start.
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A stand-in for a model in tests: a real HTTP/1.1 server on a loopback port that answers OpenAI's
/// `/v1/chat/completions` and `/v1/completions` the way `reply` says (completions, error statuses, a hang, a dropped
/// connection), and records every request it receives.
public final class LocalModelServer: Sendable {
    public enum Reply: Sendable {
        /// A 200 answer with these texts as its choices.
        case completions([String])
        case status(Int, body: String, headers: [String: String] = [:])
        /// Accept the request and never answer (until the server stops).
        case hang
        /// Close the connection without answering.
        case drop
    }

    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]
        public var body: Data

        /// The body's top-level object.
        public var object: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
    }

    public let port: UInt16
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }
    private let listener: Int32
    private let reply: @Sendable (_ index: Int, _ request: Request) -> Reply
    private let recorded = Mutex<[Request]>([])
    private let openConnections = Mutex<Set<Int32>>([])
    private let stopped = Atomic<Bool>(false)

    /// `reply` gets each request's number (0, 1, ...) and the request.
    public init(reply: @escaping @Sendable (_ index: Int, _ request: Request) -> Reply) throws {
        self.reply = reply
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socket, 64) == 0 else {
            close(socket)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = socket
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Every request received so far, in arrival order.
    public var requests: [Request] { recorded.withLock { $0 } }

    /// Stops listening and closes every open connection (hanging ones included).
    public func stop() {
        guard !stopped.exchange(true, ordering: .sequentiallyConsistent) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for connection in openConnections.withLock({ $0 }) { shutdown(connection, Int32(SHUT_RDWR)) }
    }

    deinit { stop() }

    private func acceptLoop() {
        while !stopped.load(ordering: .sequentiallyConsistent) {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            openConnections.withLock { _ = $0.insert(connection) }
            let thread = Thread { [self] in
                serve(connection)
                openConnections.withLock { _ = $0.remove(connection) }
                close(connection)
            }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        guard let request = Self.readRequest(connection) else { return }
        let index = recorded.withLock { list in
            list.append(request)
            return list.count - 1
        }
        switch reply(index, request) {
        case .completions(let texts):
            let chat = request.path.hasSuffix("chat/completions")
            let choices: [[String: Any]] = texts.enumerated().map { position, text in
                chat
                    ? ["index": position, "message": ["role": "assistant", "content": text], "finish_reason": "stop"]
                    : ["index": position, "text": text, "finish_reason": "stop"]
            }
            let object: [String: Any] = [
                "id": "local-\(index)", "object": chat ? "chat.completion" : "text_completion", "choices": choices,
                "usage": [
                    "prompt_tokens": 11, "completion_tokens": 7 * texts.count, "total_tokens": 11 + 7 * texts.count,
                ],
            ]
            let body = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
            Self.write(connection, status: 200, headers: ["Content-Type": "application/json"], body: body)
        case .status(let status, let body, let headers):
            Self.write(
                connection, status: status,
                headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a },
                body: Data(body.utf8))
        case .hang:
            while !stopped.load(ordering: .sequentiallyConsistent) { usleep(20_000) }
        case .drop:
            break
        }
    }

    private static func readRequest(_ connection: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int?
        var contentLength = 0
        while true {
            if let end = headerEnd, buffer.count >= end + contentLength { break }
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            if headerEnd == nil, let range = findHeaderEnd(buffer) {
                headerEnd = range
                let head = String(decoding: buffer[0..<range], as: UTF8.self)
                for line in head.split(separator: "\r\n").dropFirst() {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, parts[0].lowercased() == "content-length" {
                        contentLength = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
                    }
                }
            }
        }
        guard let end = headerEnd else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self).split(separator: "\r\n")
        let requestLine = head.first?.split(separator: " ") ?? []
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 {
                headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return Request(
            method: requestLine.first.map(String.init) ?? "", path: requestLine.count > 1 ? String(requestLine[1]) : "",
            headers: headers, body: Data(buffer[end..<(end + contentLength)]))
    }

    /// The index just past the blank line that ends the headers.
    private static func findHeaderEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    private static func write(_ connection: Int32, status: Int, headers: [String: String], body: Data) {
        var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Error")\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(head.utf8) + Array(body)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 { return }
            offset += sent
        }
    }
}

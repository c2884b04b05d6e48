import Foundation

/// A chart drawn as a standalone SVG file: percentages on a 0–100 axis with grid lines, labelled axes, a title,
/// a legend, and optional 95 % interval whiskers. Bars compare results side by side (by model, by category);
/// lines follow them across refinement rounds or model versions.
public struct SVGChart: Sendable {
    public enum Kind: Sendable {
        case bars
        case lines
    }

    public struct Series: Sendable {
        public var name: String
        /// One value per x label, in percent; nil where there is none.
        public var values: [Double?]
        /// The interval around each value, in percent.
        public var intervals: [(low: Double, high: Double)?]

        public init(name: String, values: [Double?], intervals: [(low: Double, high: Double)?] = []) {
            self.name = name
            self.values = values
            self.intervals = intervals
        }
    }

    public var kind: Kind
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xLabels: [String]
    public var series: [Series]

    public init(kind: Kind, title: String, xLabel: String, yLabel: String, xLabels: [String], series: [Series]) {
        self.kind = kind
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xLabels = xLabels
        self.series = series
    }

    /// Okabe and Ito's palette: told apart by readers with colour-vision deficiencies, and in greyscale print.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

    static let width = 760.0
    static let height = 420.0
    static let left = 70.0
    static let right = 30.0
    static let top = 84.0
    static let bottom = 64.0

    public var svg: String {
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        func y(_ percent: Double) -> Double { Self.top + plotHeight * (1 - min(100, max(0, percent)) / 100) }
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(Self.width))" height="\(Int(Self.height))" \
            viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" \
            role="img" aria-label="\(Self.escape(title))">
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(Int(Self.width / 2))" y="26" font-size="17" font-weight="bold" text-anchor="middle">\(Self.escape(title))</text>

            """
        // Grid and y axis.
        for tick in stride(from: 0, through: 100, by: 20) {
            let position = Self.format(y(Double(tick)))
            out +=
                "<line x1=\"\(Int(Self.left))\" x2=\"\(Int(Self.width - Self.right))\" y1=\"\(position)\" y2=\"\(position)\" "
            out += "stroke=\"\(tick == 0 ? "#333333" : "#dddddd")\" stroke-width=\"1\"/>\n"
            out += "<text x=\"\(Int(Self.left - 8))\" y=\"\(position)\" font-size=\"12\" text-anchor=\"end\" "
            out += "dominant-baseline=\"middle\">\(tick)</text>\n"
        }
        out += "<line x1=\"\(Int(Self.left))\" x2=\"\(Int(Self.left))\" y1=\"\(Int(Self.top))\" "
        out += "y2=\"\(Self.format(y(0)))\" stroke=\"#333333\"/>\n"
        let middle = Self.format(Self.top + plotHeight / 2)
        out += "<text x=\"18\" y=\"\(middle)\" font-size=\"13\" text-anchor=\"middle\" "
        out += "transform=\"rotate(-90 18 \(middle))\">\(Self.escape(yLabel))</text>\n"
        out += "<text x=\"\(Self.format(Self.left + plotWidth / 2))\" y=\"\(Int(Self.height - 14))\" font-size=\"13\" "
        out += "text-anchor=\"middle\">\(Self.escape(xLabel))</text>\n"
        let slot = plotWidth / Double(max(1, xLabels.count))
        for (index, label) in xLabels.enumerated() {
            let center = Self.left + slot * (Double(index) + 0.5)
            out += "<text x=\"\(Self.format(center))\" y=\"\(Self.format(y(0) + 18))\" font-size=\"12\" "
            out += "text-anchor=\"middle\">\(Self.escape(Self.shortened(label, to: max(6, Int(slot / 7)))))</text>\n"
        }
        switch kind {
        case .bars: out += bars(slot: slot, y: y)
        case .lines: out += lines(slot: slot, y: y)
        }
        out += legend()
        return out + "</svg>\n"
    }

    private func bars(slot: Double, y: (Double) -> Double) -> String {
        var out = ""
        let barWidth = min(90, slot * 0.8 / Double(max(1, series.count)))
        let groupWidth = barWidth * Double(max(1, series.count))
        for (seriesIndex, item) in series.enumerated() {
            let color = Self.palette[seriesIndex % Self.palette.count]
            for (index, value) in item.values.enumerated() {
                guard let value else { continue }
                let x = Self.left + slot * Double(index) + (slot - groupWidth) / 2 + barWidth * Double(seriesIndex)
                out +=
                    "<rect x=\"\(Self.format(x + 1))\" y=\"\(Self.format(y(value)))\" width=\"\(Self.format(barWidth - 2))\" "
                out += "height=\"\(Self.format(y(0) - y(value)))\" fill=\"\(color)\"><title>\(Self.escape(item.name)): "
                out += "\(Self.format(value)) %</title></rect>\n"
                let center = x + barWidth / 2
                var labelY = y(value) - 4
                if index < item.intervals.count, let interval = item.intervals[index] {
                    out += whisker(center, y(interval.low), y(interval.high))
                    labelY = min(labelY, y(interval.high) - 4)
                }
                out += "<text x=\"\(Self.format(center))\" y=\"\(Self.format(labelY))\" font-size=\"10\" "
                out += "text-anchor=\"middle\">\(String(format: "%.1f", value))</text>\n"
            }
        }
        return out
    }

    private func lines(slot: Double, y: (Double) -> Double) -> String {
        var out = ""
        for (seriesIndex, item) in series.enumerated() {
            let color = Self.palette[seriesIndex % Self.palette.count]
            let points = item.values.enumerated().compactMap { index, value in
                value.map { (Self.left + slot * (Double(index) + 0.5), y($0), $0) }
            }
            if points.count > 1 {
                out += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\" points=\""
                out += points.map { "\(Self.format($0.0)),\(Self.format($0.1))" }.joined(separator: " ") + "\"/>\n"
            }
            for (index, point) in points.enumerated() {
                out +=
                    "<circle cx=\"\(Self.format(point.0))\" cy=\"\(Self.format(point.1))\" r=\"4.5\" fill=\"\(color)\">"
                out += "<title>\(Self.escape(item.name)): \(Self.format(point.2)) %</title></circle>\n"
                if index < item.intervals.count, let interval = item.intervals[index] {
                    out += whisker(point.0, y(interval.low), y(interval.high))
                }
                out += "<text x=\"\(Self.format(point.0 + 7))\" y=\"\(Self.format(point.1 - 7))\" font-size=\"10\" "
                out += "fill=\"\(color)\">\(String(format: "%.1f", point.2))</text>\n"
            }
        }
        return out
    }

    private func whisker(_ x: Double, _ low: Double, _ high: Double) -> String {
        "<path d=\"M\(Self.format(x)) \(Self.format(low)) V\(Self.format(high)) M\(Self.format(x - 4)) \(Self.format(low)) "
            + "H\(Self.format(x + 4)) M\(Self.format(x - 4)) \(Self.format(high)) H\(Self.format(x + 4))\" "
            + "stroke=\"#222222\" stroke-width=\"1.2\" fill=\"none\"/>\n"
    }

    private func legend() -> String {
        var out = ""
        var x = Self.left
        let y = Self.top - 40
        for (index, item) in series.enumerated() {
            let color = Self.palette[index % Self.palette.count]
            let name = Self.shortened(item.name, to: 44)
            out +=
                "<rect x=\"\(Self.format(x))\" y=\"\(Self.format(y - 9))\" width=\"12\" height=\"12\" fill=\"\(color)\"/>\n"
            out += "<text x=\"\(Self.format(x + 16))\" y=\"\(Self.format(y))\" font-size=\"12\" "
            out += "dominant-baseline=\"middle\">\(Self.escape(name))</text>\n"
            x += 28 + Double(name.count) * 7
        }
        return out
    }

    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }

    static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

#include "charts/svg.h"

#include <cmath>
#include <cstdio>

namespace stacksim::charts {
namespace {

bool finite(Point p) { return std::isfinite(p.x) && std::isfinite(p.y); }

std::string attribute(std::string_view name, std::string_view value) {
  std::string out = " ";
  out.append(name);
  out += "=\"";
  out += escape_xml(value);
  out += '"';
  return out;
}

std::string stroke_attributes(std::string_view stroke, double width, std::string_view dash) {
  std::string out = attribute("stroke", stroke) + " stroke-width=\"" + svg_number(width) + "\"";
  if (!dash.empty()) out += attribute("stroke-dasharray", dash);
  return out;
}

const char* anchor_name(Anchor anchor) {
  switch (anchor) {
    case Anchor::kStart:
      return "start";
    case Anchor::kMiddle:
      return "middle";
    case Anchor::kEnd:
      return "end";
  }
  return "start";
}

}  // namespace

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string svg_number(double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string s = buffer;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

Svg::Svg(double width, double height, std::string_view label)
    : width_(width), height_(height), label_(label) {}

void Svg::line(Point a, Point b, std::string_view stroke, double width, std::string_view dash) {
  if (!finite(a) || !finite(b)) return;
  body_ += "<line x1=\"" + svg_number(a.x) + "\" y1=\"" + svg_number(a.y) + "\" x2=\"" +
           svg_number(b.x) + "\" y2=\"" + svg_number(b.y) + "\"" +
           stroke_attributes(stroke, width, dash) + "/>";
}

void Svg::rect(double x, double y, double w, double h, std::string_view fill, double opacity,
               std::string_view stroke) {
  if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(w) || !std::isfinite(h)) return;
  if (w < 0) {
    x += w;
    w = -w;
  }
  if (h < 0) {
    y += h;
    h = -h;
  }
  body_ += "<rect x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" +
           svg_number(w) + "\" height=\"" + svg_number(h) + "\"" + attribute("fill", fill);
  if (opacity < 1.0 && std::isfinite(opacity)) {
    body_ += " fill-opacity=\"" + svg_number(opacity) + "\"";
  }
  if (!stroke.empty()) body_ += attribute("stroke", stroke);
  body_ += "/>";
}

void Svg::circle(Point centre, double r, std::string_view fill) {
  if (!finite(centre) || !std::isfinite(r)) return;
  body_ += "<circle cx=\"" + svg_number(centre.x) + "\" cy=\"" + svg_number(centre.y) + "\" r=\"" +
           svg_number(r) + "\"" + attribute("fill", fill) + "/>";
}

void Svg::polyline(const std::vector<Point>& points, std::string_view stroke, double width,
                   std::string_view dash) {
  std::vector<Point> piece;
  auto flush = [&] {
    if (piece.size() == 1) circle(piece.front(), width * 1.5, stroke);
    if (piece.size() > 1) {
      body_ += "<polyline fill=\"none\"" + stroke_attributes(stroke, width, dash) +
               " stroke-linejoin=\"round\" points=\"";
      for (std::size_t i = 0; i < piece.size(); ++i) {
        if (i) body_ += ' ';
        body_ += svg_number(piece[i].x) + "," + svg_number(piece[i].y);
      }
      body_ += "\"/>";
    }
    piece.clear();
  };
  for (const Point& p : points) {
    if (finite(p)) {
      piece.push_back(p);
    } else {
      flush();
    }
  }
  flush();
}

void Svg::text(Point at, std::string_view content, Anchor anchor, double size,
               std::string_view fill, bool bold) {
  if (!finite(at) || content.empty()) return;
  body_ += "<text x=\"" + svg_number(at.x) + "\" y=\"" + svg_number(at.y) + "\" text-anchor=\"" +
           anchor_name(anchor) + "\" font-size=\"" + svg_number(size) + "\"" +
           attribute("fill", fill) + (bold ? " font-weight=\"bold\"" : "") + ">" +
           escape_xml(content) + "</text>";
}

void Svg::vertical_text(Point at, std::string_view content, double size) {
  if (!finite(at) || content.empty()) return;
  body_ += "<text transform=\"translate(" + svg_number(at.x) + "," + svg_number(at.y) +
           ") rotate(-90)\" text-anchor=\"middle\" font-size=\"" + svg_number(size) +
           "\" fill=\"#222222\">" + escape_xml(content) + "</text>";
}

void Svg::begin_group(std::string_view title) {
  body_ += "<g><title>" + escape_xml(title) + "</title>";
}

void Svg::end_group() { body_ += "</g>"; }

std::string Svg::str() const {
  return "<svg class=\"chart\" viewBox=\"0 0 " + svg_number(width_) + " " + svg_number(height_) +
         "\" role=\"img\"" + attribute("aria-label", label_) +
         " font-family=\"Helvetica, Arial, sans-serif\">" + body_ + "</svg>";
}

}  // namespace stacksim::charts

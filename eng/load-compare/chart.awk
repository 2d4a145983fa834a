# Writes eng/load-compare.sh's figures as an SVG chart of grouped bars: one group per measure, one bar per service,
# each bar as high as its ratio to the first service (bare), labelled with that ratio and the measured value.
#
#   awk -F'|' -v title=... -v subtitle=... -v footer=... -v names='bare|MoniKit|Serilog|NLog' -f chart.awk figures
#
# Each input line is one measure: label|note|printf format of a value|value of each service, in the order of names.
function esc(s) {
  gsub(/&/, "\\&amp;", s)
  gsub(/</, "\\&lt;", s)
  gsub(/>/, "\\&gt;", s)
  return s
}

function commas(s, sign, whole, rest) {
  # 40518 -> 40,518; the decimals, if any, are kept.
  sign = ""
  if (substr(s, 1, 1) == "-") { sign = "-"; s = substr(s, 2) }
  whole = s
  rest = ""
  if (index(s, ".") > 0) { whole = substr(s, 1, index(s, ".") - 1); rest = substr(s, index(s, ".")) }
  while (length(whole) > 3) {
    rest = "," substr(whole, length(whole) - 2) rest
    whole = substr(whole, 1, length(whole) - 3)
  }
  return sign whole rest
}

function value(format, v, text, unit) {
  # The format is "%.0f req/s": the number gets thousands separators, the unit stays.
  text = sprintf(format, v)
  unit = text
  sub(/^[-0-9.]+/, "", unit)
  sub(/[^-0-9.].*$/, "", text)
  return commas(text) unit
}

{
  groups++
  label[groups] = $1
  note[groups] = $2
  format[groups] = $3
  for (i = 1; i <= bars; i++) {
    v[groups, i] = $(3 + i) + 0
    r[groups, i] = v[groups, 1] > 0 ? v[groups, i] / v[groups, 1] : 0
    if (r[groups, i] > top) top = r[groups, i]
  }
}

BEGIN {
  bars = split(names, name, "|")
  split("#9e9e9e|#1f6fb4|#e8812a|#3a9a3a|#8e5ab4|#c4454f", colour, "|")
  width = 1000; height = 540
  left = 80; right = 980; plotTop = 110; plotBottom = 430
}

END {
  step = top * 1.2 > 2.5 ? 0.5 : 0.25
  ymax = step * int(top * 1.2 / step + 0.999)
  if (ymax < 1.25) ymax = 1.25
  scale = (plotBottom - plotTop) / ymax
  printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n", width, height, width, height
  printf "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n"
  printf "<text x=\"%d\" y=\"30\" font-size=\"19\" font-weight=\"bold\" fill=\"#202020\">%s</text>\n", left - 60, esc(title)
  printf "<text x=\"%d\" y=\"52\" font-size=\"11.5\" fill=\"#505050\">%s</text>\n", left - 60, esc(subtitle)

  # Legend, one entry per service.
  x = left
  for (i = 1; i <= bars; i++) {
    printf "<rect x=\"%d\" y=\"68\" width=\"14\" height=\"14\" fill=\"%s\"/>\n", x, colour[i]
    printf "<text x=\"%d\" y=\"80\" font-size=\"12.5\" fill=\"#202020\">%s</text>\n", x + 20, esc(name[i])
    x += 44 + 7.4 * length(name[i])
  }

  # Grid and axis: the ratio to the first service, whose bars all stand at 1.
  for (t = 0; t <= ymax + 0.0001; t += step) {
    y = plotBottom - t * scale
    printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>\n", left, y, right, y, t == 0 ? "#808080" : "#e4e4e4"
    printf "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" fill=\"#505050\" text-anchor=\"end\">%.2f</text>\n", left - 8, y + 4, t
  }
  y = plotBottom - scale
  printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#606060\" stroke-width=\"1\" stroke-dasharray=\"5,4\"/>\n", left, y, right, y
  printf "<text transform=\"translate(%d,%d) rotate(-90)\" font-size=\"12\" fill=\"#303030\" text-anchor=\"middle\">ratio to %s (%s = 1.00)</text>\n", left - 52, (plotTop + plotBottom) / 2, esc(name[1]), esc(name[1])

  # One group of bars per measure.
  groupWidth = (right - left) / groups
  barWidth = groupWidth * 0.84 / bars
  for (g = 1; g <= groups; g++) {
    x0 = left + (g - 1) * groupWidth + groupWidth * 0.08
    for (i = 1; i <= bars; i++) {
      x = x0 + (i - 1) * barWidth
      h = r[g, i] * scale
      printf "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s, %s: %s (%.2f)</title></rect>\n", x + 1, plotBottom - h, barWidth - 2, h, colour[i], esc(name[i]), esc(label[g]), esc(value(format[g], v[g, i])), r[g, i]
      printf "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11.5\" font-weight=\"bold\" fill=\"#202020\" text-anchor=\"middle\">%.2f</text>\n", x + barWidth / 2, plotBottom - h - 17, r[g, i]
      printf "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" fill=\"#404040\" text-anchor=\"middle\">%s</text>\n", x + barWidth / 2, plotBottom - h - 5, esc(value(format[g], v[g, i]))
    }
    printf "<text x=\"%.1f\" y=\"%d\" font-size=\"12.5\" font-weight=\"bold\" fill=\"#202020\" text-anchor=\"middle\">%s</text>\n", left + (g - 0.5) * groupWidth, plotBottom + 22, esc(label[g])
    printf "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#606060\" text-anchor=\"middle\">%s</text>\n", left + (g - 0.5) * groupWidth, plotBottom + 40, esc(note[g])
  }
  printf "<text x=\"%d\" y=\"%d\" font-size=\"10.5\" fill=\"#606060\">%s</text>\n", left - 60, height - 14, esc(footer)
  printf "</svg>\n"
}

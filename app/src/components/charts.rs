//! Statistics charts, drawn as SVG by the server: no chart library, nothing in the WASM.
//!
//! Each chart is a `<figure>`: a caption, an `<svg role="img">` named by its `<title>` and `<desc>`,
//! and the same numbers as a table behind a `<details>` toggle, for screen readers, keyboards and
//! anyone who wants the exact values. Charts mirror in Arabic: time runs from right to left, value
//! labels sit on the right, bars grow from the right. Numbers are written by [`format_number`], as
//! everywhere else a statistic is shown.
//!
//! The SVG sets `direction="ltr"` on its root so that coordinates and `text-anchor` mean the same
//! in both languages (SVG text would otherwise inherit the page's `rtl` and flip every anchor);
//! mirroring is done in the coordinates, and each label gets the direction of its own text.

use leptos::prelude::*;

use crate::i18n::{format_number, text, translate_args, use_i18n, Lang};

/// The width of every chart's coordinate system. On a 360 px phone the panel leaves about 286 px
/// for content (page and panel padding), so text of [`FONT`] units shows at about 12 px there.
const WIDTH: f64 = 320.0;
/// The font size inside the SVG, in viewBox units.
const FONT: f64 = 13.0;
/// A character's advance as a share of the font size: a little above the average of the site's
/// font for Latin, Arabic and digits, so that estimated widths err on the side of room.
const CHAR_EM: f64 = 0.55;
/// The site's palette (`style/main.css`): `--maroon` for data, `--ink` and `--muted` for text (both
/// above 4.5:1 on white and on `--sand`), `--line` for gridlines.
const MAROON: &str = "#8a1538";
const INK: &str = "#1d1d1f";
const MUTED: &str = "#555a61";
const GRID: &str = "#d9d4cf";
/// The zero line: not text, but it carries meaning, so it keeps 3:1 against white.
const AXIS: &str = "#8a8f96";

/// A line of values over time (months, weeks …), oldest first, each with its label already
/// localized by the caller ("Jan 2026"). In Arabic the first point is on the right.
#[component]
pub fn TimeChart(
    /// Unique on the page: the ids of the title and description derive from it.
    id: String,
    title: String,
    /// One sentence saying what the chart shows (read by screen readers with the title).
    desc: String,
    /// The heading of the table's time column ("Month").
    x_heading: String,
    /// The heading of the table's value column ("Volunteers").
    y_heading: String,
    points: Vec<(String, f64)>,
    /// Decimal places of the values (0 for counts, 1 for hours).
    decimals: usize,
) -> impl IntoView {
    let lang = use_i18n().lang;
    let svg = (!points.is_empty()).then(|| time_svg(lang, &id, &title, &desc, &points, decimals));
    frame(id, title, x_heading, y_heading, &points, decimals, svg)
}

/// Horizontal bars for a breakdown (municipality, gender, age band, cause, organization, the
/// stages of a funnel), in the order given. Each label is written above its bar, so labels in
/// either script get the full width of a phone; in Arabic bars grow from the right.
#[component]
pub fn BarChart(
    /// Unique on the page: the ids of the title and description derive from it.
    id: String,
    title: String,
    /// One sentence saying what the chart shows (read by screen readers with the title).
    desc: String,
    /// The heading of the table's label column ("Municipality").
    label_heading: String,
    /// The heading of the table's value column ("Volunteers").
    value_heading: String,
    bars: Vec<(String, f64)>,
    /// Decimal places of the values (0 for counts, 1 for hours).
    decimals: usize,
) -> impl IntoView {
    let lang = use_i18n().lang;
    let svg = (!bars.is_empty()).then(|| bar_svg(lang, &id, &title, &desc, &bars, decimals));
    frame(id, title, label_heading, value_heading, &bars, decimals, svg)
}

/// What both charts share: the figure, its caption, the drawing (or a note that there is no data)
/// and the table behind the toggle.
fn frame(
    id: String,
    title: String,
    label_heading: String,
    value_heading: String,
    rows: &[(String, f64)],
    decimals: usize,
    svg: Option<AnyView>,
) -> AnyView {
    let i18n = use_i18n();
    let testid = format!("chart-{id}");
    let Some(svg) = svg else {
        return view! {
            <figure class="chart" data-testid=testid>
                <figcaption>{title}</figcaption>
                <p class="chart-empty">{i18n.t("chart-no-data")}</p>
            </figure>
        }
        .into_any();
    };
    let rows = rows
        .iter()
        .map(|(label, value)| {
            view! {
                <tr>
                    <th scope="row"><bdi>{label.clone()}</bdi></th>
                    <td class="num">{format_number(i18n.lang, *value, decimals)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>{title.clone()}</figcaption>
            {svg}
            <details class="chart-data">
                <summary>{i18n.t("chart-show-table")}</summary>
                <div class="table-wrap">
                    <table>
                        <caption>{title}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{label_heading}</th>
                                <th scope="col">{value_heading}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
    .into_any()
}

/// The `<svg>` element every chart is drawn in: named by its title and description.
fn svg_root(id: &str, title: &str, desc: &str, height: f64, body: AnyView) -> AnyView {
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelledby = format!("{title_id} {desc_id}");
    view! {
        <svg
            role="img"
            aria-labelledby=labelledby
            viewBox=format!("0 0 {} {}", n(WIDTH), n(height))
            direction="ltr"
            font-size=n(FONT)
            fill=INK
        >
            <title id=title_id>{title.to_string()}</title>
            <desc id=desc_id>{desc.to_string()}</desc>
            {body}
        </svg>
    }
    .into_any()
}

/// The drawing of a [`TimeChart`]: gridlines at nice ticks, their values on the start side, the
/// line and a dot per point, and as many time labels as fit without overlapping.
fn time_svg(lang: Lang, id: &str, title: &str, desc: &str, points: &[(String, f64)], decimals: usize) -> AnyView {
    let rtl = lang == Lang::Ar;
    // Mirrors an x measured from the start side (left in English) into the viewBox.
    let fx = |x: f64| if rtl { WIDTH - x } else { x };
    let (min, max) =
        points.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (_, v)| (lo.min(*v), hi.max(*v)));
    let ticks = nice_ticks(min, max, decimals);
    let tick_labels: Vec<String> = ticks.values.iter().map(|v| format_number(lang, *v, ticks.decimals)).collect();

    let axis_w = tick_labels.iter().map(|l| text_width(l)).fold(0.0, f64::max) + 8.0;
    let (top, plot_h) = (FONT, 150.0);
    let (start, end) = (axis_w, WIDTH - 6.0);
    let bottom = top + plot_h;
    let height = bottom + FONT * 2.0 + 2.0;
    let (lo, hi) = (ticks.values[0], ticks.values[ticks.values.len() - 1]);
    let fy = |v: f64| bottom - (v - lo) / (hi - lo) * plot_h;
    let slot = (end - start) / points.len() as f64;
    let xs: Vec<f64> = (0..points.len()).map(|i| fx(start + (i as f64 + 0.5) * slot)).collect();

    let grid = ticks
        .values
        .iter()
        .zip(tick_labels)
        .map(|(v, label)| {
            let y = fy(*v);
            // The value stays on the start side: right of the gridline's end in Arabic.
            let (x, anchor) = if rtl { (WIDTH - axis_w + 4.0, "start") } else { (axis_w - 4.0, "end") };
            let color = if *v == 0.0 { AXIS } else { GRID };
            view! {
                <line x1=n(fx(start)) x2=n(fx(end)) y1=n(y) y2=n(y) stroke=color stroke-width="1"/>
                <text x=n(x) y=n(y + FONT * 0.35) text-anchor=anchor fill=MUTED>{label}</text>
            }
        })
        .collect_view();

    let time_labels = time_label_places(points, &xs)
        .into_iter()
        .map(|(i, x)| {
            let label = &points[i].0;
            view! {
                <text x=n(x) y=n(bottom + FONT * 1.5) text-anchor="middle" direction=text_dir(label, lang)>
                    {label.clone()}
                </text>
            }
        })
        .collect_view();

    let line: Vec<String> = points.iter().zip(&xs).map(|((_, v), x)| format!("{},{}", n(*x), n(fy(*v)))).collect();
    let dots = points
        .iter()
        .zip(&xs)
        .map(|((label, v), x)| {
            let tip = point_text(lang, label, *v, decimals);
            view! {
                <circle class="chart-dot" cx=n(*x) cy=n(fy(*v)) r="3.5" fill=MAROON>
                    <title>{tip}</title>
                </circle>
            }
        })
        .collect_view();

    let body = view! {
        <g class="chart-grid">{grid}</g>
        <g class="chart-x">{time_labels}</g>
        <polyline points=line.join(" ") fill="none" stroke=MAROON stroke-width="2" stroke-linejoin="round"/>
        <g class="chart-dots">{dots}</g>
    }
    .into_any();
    svg_root(id, title, desc, height, body)
}

/// The drawing of a [`BarChart`]: per row a label, under it a bar from the start side and the
/// value just past the bar's end. Negative values draw no bar (breakdowns count things).
fn bar_svg(lang: Lang, id: &str, title: &str, desc: &str, bars: &[(String, f64)], decimals: usize) -> AnyView {
    let rtl = lang == Lang::Ar;
    const PAD: f64 = 4.0;
    const BAR_H: f64 = 14.0;
    const ROW_H: f64 = FONT + 4.0 + BAR_H + 10.0;
    let values: Vec<String> = bars.iter().map(|(_, v)| format_number(lang, *v, decimals)).collect();
    let value_w = values.iter().map(|v| text_width(v)).fold(0.0, f64::max) + 6.0;
    let max_len = WIDTH - 2.0 * PAD - value_w;
    let max = bars.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    let height = bars.len() as f64 * ROW_H + 2.0;

    let rows = bars
        .iter()
        .zip(values)
        .enumerate()
        .map(|(i, ((label, v), value))| {
            let y = i as f64 * ROW_H + 2.0;
            let len = if max > 0.0 && *v > 0.0 { (v / max * max_len).max(1.0) } else { 0.0 };
            let bar_x = if rtl { WIDTH - PAD - len } else { PAD };
            // The label hugs the start edge whatever its own script; the value follows the bar.
            let (label_x, label_side) = if rtl { (WIDTH - PAD, Side::Right) } else { (PAD, Side::Left) };
            let label_dir = text_dir(label, lang);
            let (value_x, value_anchor) = if rtl { (bar_x - 4.0, "end") } else { (PAD + len + 4.0, "start") };
            let tip = point_text(lang, label, *v, decimals);
            view! {
                <g class="chart-bar">
                    <title>{tip}</title>
                    <text x=n(label_x) y=n(y + FONT) text-anchor=anchor(label_side, label_dir) direction=label_dir>
                        {truncate(label, WIDTH - 2.0 * PAD)}
                    </text>
                    <rect x=n(bar_x) y=n(y + FONT + 4.0) width=n(len) height=n(BAR_H) fill=MAROON/>
                    <text x=n(value_x) y=n(y + FONT + 4.0 + BAR_H * 0.5 + FONT * 0.35) text-anchor=value_anchor>
                        {value}
                    </text>
                </g>
            }
        })
        .collect_view();
    svg_root(id, title, desc, height, rows.into_any())
}

/// Which time labels to draw, and where: every `step`-th from the newest (the one readers look
/// for first), with the smallest step at which none overlaps its neighbour. The outermost labels
/// are pulled inside the viewBox, which is why a step is checked after placing rather than
/// computed from the spacing of the dots. One label always fits.
fn time_label_places(points: &[(String, f64)], xs: &[f64]) -> Vec<(usize, f64)> {
    let width = |i: usize| text_width(&points[i].0);
    let place = |i: usize| {
        let half = width(i) / 2.0;
        (i, xs[i].clamp(half + 2.0, (WIDTH - half - 2.0).max(half + 2.0)))
    };
    (1..=points.len())
        .map(|step| (0..points.len()).rev().step_by(step).map(place).collect::<Vec<_>>())
        .find(|placed| {
            placed.windows(2).all(|w| (w[0].1 - w[1].1).abs() >= (width(w[0].0) + width(w[1].0)) / 2.0 + FONT * CHAR_EM)
        })
        .unwrap_or_default()
}

/// Gridline values for an axis: the finest step of 1, 2 or 5 × 10ᵏ that needs at most five
/// intervals to run from at or below the smallest value (and zero) to at or above the largest.
struct Ticks {
    values: Vec<f64>,
    /// Decimal places the step needs (0.5 needs 1), so tick labels are not "2.50".
    decimals: usize,
}

fn nice_ticks(min: f64, max: f64, decimals: usize) -> Ticks {
    let lo = min.min(0.0);
    let hi = if max.max(0.0) > lo { max.max(0.0) } else { lo + 1.0 };
    // The tolerance keeps float noise (0.30000000000000004) from adding a tick beyond the data.
    let first = |step: f64| (lo / step + 1e-9).floor() as i64;
    let last = |step: f64| (hi / step - 1e-9).ceil() as i64;
    // No step finer than the values themselves: counts never get a gridline at 0.5.
    let finest = 10f64.powi(-(decimals as i32));
    let mut magnitude = 10f64.powf(((hi - lo) / 10.0).log10().floor());
    let step = loop {
        let fits = [1.0, 2.0, 5.0].map(|f| (f * magnitude).max(finest)).into_iter().find(|s| last(*s) - first(*s) <= 5);
        if let Some(step) = fits {
            break step;
        }
        magnitude *= 10.0;
    };
    let values = (first(step)..=last(step)).map(|k| k as f64 * step).collect();
    let decimals = if step >= 1.0 { 0 } else { (-step.log10().floor()) as usize };
    Ticks { values, decimals }
}

/// "Jan 2026: 1,234", the hover text of a dot or bar.
fn point_text(lang: Lang, label: &str, value: f64, decimals: usize) -> String {
    translate_args(
        lang,
        "chart-point",
        &[("label", text(label)), ("value", text(format_number(lang, value, decimals)))],
    )
}

/// Which physical side a label is anchored on.
#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

/// `text-anchor` for a text of direction `dir` whose edge must sit at the anchor point on `side`:
/// `start` is the left end of left-to-right text but the right end of right-to-left text.
fn anchor(side: Side, dir: &str) -> &'static str {
    match (side, dir == "rtl") {
        (Side::Left, false) | (Side::Right, true) => "start",
        (Side::Left, true) | (Side::Right, false) => "end",
    }
}

/// The direction of a text by its first strong letter, as `dir="auto"` decides (SVG has no
/// `auto`); text without letters (a year, a number) takes the page's direction.
fn text_dir(s: &str, lang: Lang) -> &'static str {
    s.chars().find(|c| c.is_alphabetic()).map(|c| if is_rtl_letter(c) { "rtl" } else { "ltr" }).unwrap_or(lang.dir())
}

fn is_rtl_letter(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// An estimate of a text's width in viewBox units. Combining marks (Arabic vowel signs) take no
/// room of their own.
fn text_width(s: &str) -> f64 {
    s.chars().filter(|c| !is_mark(*c)).count() as f64 * FONT * CHAR_EM
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x061C | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x200B..=0x200F | 0x2066..=0x2069)
}

/// The text cut to fit `room`, ending in an ellipsis when cut (the whole text stays in the
/// table and in the bar's hover title).
fn truncate(s: &str, room: f64) -> String {
    if text_width(s) <= room {
        return s.to_string();
    }
    let mut out = String::new();
    let mut width = FONT * CHAR_EM; // the ellipsis
    for c in s.chars() {
        let w = if is_mark(c) { 0.0 } else { FONT * CHAR_EM };
        if width + w > room {
            break;
        }
        width += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// A coordinate, to a tenth of a unit: enough precision, short markup.
fn n(v: f64) -> String {
    let s = format!("{:.1}", v);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::I18n;

    /// Fluent isolates placeables with FSI/PDI; comparisons ignore those marks.
    fn plain(s: &str) -> String {
        s.replace(['\u{2068}', '\u{2069}'], "")
    }

    fn render<V: IntoView + 'static>(lang: Lang, chart: impl FnOnce() -> V) -> String {
        let owner = Owner::new();
        owner.with(|| {
            provide_context(I18n { lang, digits: Default::default() });
            // Without the empty comments (`<!>`) Leptos writes after text, which the checks ignore.
            chart().into_view().to_html().replace("<!>", "")
        })
    }

    fn months() -> Vec<(String, f64)> {
        ["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026"]
            .iter()
            .zip([1200.0, 3450.5, 0.0, 12345.0])
            .map(|(l, v)| (l.to_string(), v))
            .collect()
    }

    fn time_chart(lang: Lang, points: Vec<(String, f64)>) -> String {
        render(lang, move || {
            view! {
                <TimeChart id="signups".into() title="Sign-ups".into() desc="New volunteers each month".into()
                    x_heading="Month".into() y_heading="Volunteers".into() points decimals=1/>
            }
        })
    }

    fn bar_chart(lang: Lang, bars: Vec<(String, f64)>) -> String {
        render(lang, move || {
            view! {
                <BarChart id="by-city".into() title="By municipality".into() desc="Volunteers per municipality".into()
                    label_heading="Municipality".into() value_heading="Volunteers".into() bars decimals=0/>
            }
        })
    }

    /// The value of `attr` on every `<tag` in the markup, in order.
    fn attrs(html: &str, tag: &str, attr: &str) -> Vec<String> {
        html.match_indices(&format!("<{tag}"))
            .filter_map(|(i, _)| {
                let el = &html[i..i + html[i..].find('>').unwrap()];
                let at = el.find(&format!(" {attr}=\""))? + attr.len() + 3;
                Some(el[at..at + el[at..].find('"').unwrap()].to_string())
            })
            .collect()
    }

    fn numbers(html: &str, tag: &str, attr: &str) -> Vec<f64> {
        attrs(html, tag, attr).iter().map(|v| v.parse().unwrap()).collect()
    }

    #[test]
    fn a_time_chart_is_a_named_image_with_its_table() {
        let html = time_chart(Lang::En, months());
        assert!(html.starts_with("<figure ") && html.contains(r#"data-testid="chart-signups""#), "{html}");
        assert!(attrs(&html, "figure", "class") == ["chart"]);
        assert!(html.contains(r#"role="img""#));
        assert!(html.contains(r#"aria-labelledby="signups-title signups-desc""#));
        assert!(html.contains(r#"<title id="signups-title">Sign-ups</title>"#));
        assert!(html.contains(r#"<desc id="signups-desc">New volunteers each month</desc>"#));
        assert!(html.contains("<figcaption>Sign-ups</figcaption>"));
        assert!(html.contains("<caption>Sign-ups</caption>"));
        assert!(html.contains(r#"<th scope="col">Month</th><th scope="col">Volunteers</th>"#));
        assert!(html.contains(r#"<details class="chart-data"><summary>Show the data as a table</summary>"#), "{html}");
        for value in ["1,200.0", "3,450.5", "0.0", "12,345.0"] {
            assert!(html.contains(&format!(r#"<td class="num">{value}</td>"#)), "{value} missing: {html}");
        }
    }

    #[test]
    fn time_runs_right_to_left_in_arabic() {
        let en = numbers(&time_chart(Lang::En, months()), "circle", "cx");
        let ar = numbers(&time_chart(Lang::Ar, months()), "circle", "cx");
        assert_eq!(en.len(), 4);
        assert!(en[0] < en[3], "English starts on the left: {en:?}");
        assert!(ar[0] > ar[3], "Arabic starts on the right: {ar:?}");
        assert!(ar.iter().zip(&en).all(|(a, e)| (a + e - WIDTH).abs() < 0.2), "mirror images: {ar:?} {en:?}");
    }

    #[test]
    fn value_labels_sit_on_the_start_side() {
        let en = time_chart(Lang::En, months());
        let ar = time_chart(Lang::Ar, months());
        // The tick labels are the texts of the grid group.
        let ticks = |html: &str| {
            let grid = &html[html.find(r#"<g class="chart-grid">"#).unwrap()..];
            let grid = &grid[..grid.find("</g>").unwrap()];
            numbers(grid, "text", "x")
        };
        assert!(ticks(&en).iter().all(|x| *x < WIDTH / 2.0));
        assert!(ticks(&ar).iter().all(|x| *x > WIDTH / 2.0));
        assert!(ar.contains("12,345.0") && ar.contains("1,200.0"), "the page's digits in the table");
    }

    #[test]
    fn time_labels_do_not_crowd_at_phone_width() {
        let points: Vec<(String, f64)> = (1..=12).map(|m| (format!("Month {m:02} 2026"), m as f64)).collect();
        let html = time_chart(Lang::En, points);
        let x_group = &html[html.find(r#"<g class="chart-x">"#).unwrap()..];
        let x_group = &x_group[..x_group.find("</g>").unwrap()];
        let mut xs = numbers(x_group, "text", "x");
        assert!(xs.len() < 12 && xs.len() >= 2, "some labels skipped: {xs:?}");
        xs.sort_by(f64::total_cmp);
        let width = text_width("Month 01 2026");
        assert!(xs.windows(2).all(|w| w[1] - w[0] >= width), "labels overlap: {xs:?}");
        assert!(xs.iter().all(|x| *x - width / 2.0 >= 0.0 && *x + width / 2.0 <= WIDTH), "inside: {xs:?}");
        assert!(x_group.contains("Month 12 2026"), "the newest month is labelled");
        assert_eq!(html.matches("<circle").count(), 12, "every month has its dot");
    }

    #[test]
    fn bars_grow_from_the_start_side() {
        let bars = vec![("Doha".to_string(), 40.0), ("الريان".to_string(), 10.0)];
        let en = bar_chart(Lang::En, bars.clone());
        let ar = bar_chart(Lang::Ar, bars);
        let (x, w) = (numbers(&en, "rect", "x"), numbers(&en, "rect", "width"));
        assert!(x.iter().all(|x| *x == 4.0), "English bars start at the left: {x:?}");
        assert!(w[0] > w[1] * 3.9 && w[0] < w[1] * 4.1, "bars in proportion: {w:?}");
        let (x, w) = (numbers(&ar, "rect", "x"), numbers(&ar, "rect", "width"));
        assert!(x.iter().zip(&w).all(|(x, w)| (x + w - (WIDTH - 4.0)).abs() < 0.2), "Arabic bars end at the right");
        assert!(x[0] < x[1], "the longer bar reaches further left");
        // Labels are anchored on the right in Arabic, each by its own direction.
        assert!(ar.contains(r#"text-anchor="end" direction="ltr">Doha</text>"#), "{ar}");
        assert!(ar.contains(r#"text-anchor="start" direction="rtl">الريان</text>"#), "{ar}");
        assert!(en.contains(r#"x="4" y="15" text-anchor="start" direction="ltr">Doha</text>"#), "{en}");
        assert!(ar.contains(r#"<td class="num">40</td>"#) && en.contains(r#"<td class="num">40</td>"#));
        assert!(ar.contains("<bdi>الريان</bdi>"));
    }

    #[test]
    fn long_labels_are_cut_in_the_drawing_only() {
        let long = "Qatar Foundation for Education, Science and Community Development".to_string();
        let html = bar_chart(Lang::En, vec![(long.clone(), 5.0), ("<b>".into(), 1.0)]);
        let label = &html[html.find(r#"direction="ltr">Qatar"#).unwrap()..];
        let label = &label[label.find('>').unwrap() + 1..label.find("</text>").unwrap()];
        assert!(label.ends_with('…') && label.len() < long.len(), "{label}");
        assert!(text_width(label) <= WIDTH - 8.0);
        assert!(html.contains(&format!("<bdi>{long}</bdi>")), "the table keeps the whole name");
        assert!(plain(&html).contains(&format!("<title>{long}: 5</title>")), "so does the hover title");
        assert!(!html.contains("<b>") && html.contains("&lt;b&gt;"), "labels are escaped");
    }

    #[test]
    fn no_data_says_so_instead_of_drawing() {
        for html in [time_chart(Lang::En, vec![]), bar_chart(Lang::En, vec![])] {
            assert!(!html.contains("<svg") && !html.contains("<table"), "{html}");
            assert!(html.contains(r#"<p class="chart-empty">No data to show yet.</p>"#), "{html}");
        }
        assert!(bar_chart(Lang::Ar, vec![]).contains("لا توجد بيانات لعرضها بعد."));
    }

    #[test]
    fn a_single_or_all_zero_series_still_draws() {
        let html = time_chart(Lang::En, vec![("Jan".into(), 0.0)]);
        assert_eq!(numbers(&html, "circle", "cx").len(), 1);
        let html = bar_chart(Lang::En, vec![("A".into(), 0.0)]);
        assert_eq!(numbers(&html, "rect", "width"), vec![0.0]);
    }

    #[test]
    fn ticks_are_round_numbers() {
        let t = nice_ticks(0.0, 12345.0, 0);
        assert_eq!(t.values, vec![0.0, 5000.0, 10000.0, 15000.0]);
        let t = nice_ticks(3.0, 87.0, 0);
        assert_eq!(t.values, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        let t = nice_ticks(0.0, 1.0, 0);
        assert_eq!((t.values.clone(), t.decimals), (vec![0.0, 1.0], 0), "counts never step by less than one");
        let t = nice_ticks(0.0, 2.0, 1);
        assert_eq!((t.values, t.decimals), (vec![0.0, 0.5, 1.0, 1.5, 2.0], 1));
        let t = nice_ticks(-30.0, 50.0, 0);
        assert_eq!(t.values, vec![-40.0, -20.0, 0.0, 20.0, 40.0, 60.0]);
        let t = nice_ticks(0.0, 0.0, 0);
        assert_eq!(t.values, vec![0.0, 1.0]);
    }

    #[test]
    fn directions_follow_the_first_letter() {
        assert_eq!(text_dir("الريان", Lang::En), "rtl");
        assert_eq!(text_dir("Doha الدوحة", Lang::Ar), "ltr");
        assert_eq!(text_dir("٢٠٢٦", Lang::Ar), "rtl");
        assert_eq!(text_dir("2026", Lang::En), "ltr");
        assert_eq!(anchor(Side::Right, "rtl"), "start");
        assert_eq!(anchor(Side::Right, "ltr"), "end");
    }
}

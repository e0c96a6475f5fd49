import { groupOf, idleGroup, selfTimes, type CpuProfile, type CpuProfileNode, type ProfileSummary } from './profile-summary';

/**
 * A self-contained HTML page (inline SVG, no script) of a `.cpuprofile`: an icicle flame graph,
 * callers above callees, each frame as wide as its total time (idle left out), coloured by who
 * it belongs to (the summary's groups), its name, group and times in the tooltip; frames narrower
 * than a pixel are left out. The summary by group is the page's table.
 */
const width = 1600;
const rowHeight = 17;

interface Frame {
  node: CpuProfileNode;
  group: string;
  totalMicros: number;
  selfMicros: number;
  children: Frame[];
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

function hue(group: string): number {
  let hash = 0;
  for (const char of group) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

function frames(profile: CpuProfile, compiledRoot: string): Frame {
  const self = selfTimes(profile);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const build = (node: CpuProfileNode): Frame => {
    const group = groupOf(node, compiledRoot);
    const children = (node.children ?? []).map((id) => build(byId.get(id)!)).filter((child) => child.group !== idleGroup && child.totalMicros > 0);
    const selfMicros = self.get(node.id) ?? 0;
    return { node, group, selfMicros, children, totalMicros: selfMicros + children.reduce((sum, child) => sum + child.totalMicros, 0) };
  };
  // The root node is the profile's first; its own "self" time is none.
  return build(profile.nodes[0]);
}

function label(frame: Frame): string {
  const { functionName, url, lineNumber } = frame.node.callFrame;
  const file = url.split('/').at(-1);
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

export function flameGraphHtml(profile: CpuProfile, compiledRoot: string, summary: ProfileSummary, title: string): string {
  const root = frames(profile, compiledRoot);
  const scale = root.totalMicros === 0 ? 0 : width / root.totalMicros;
  const rects: string[] = [];
  let depth = 0;
  const draw = (frame: Frame, x: number, level: number) => {
    const w = frame.totalMicros * scale;
    if (w < 1) return;
    depth = Math.max(depth, level + 1);
    const y = level * rowHeight;
    const name = label(frame);
    const tip = `${name} (${frame.group}): total ${(frame.totalMicros / 1000).toFixed(1)} ms, ${((frame.totalMicros / root.totalMicros) * 100).toFixed(2)} %, self ${(frame.selfMicros / 1000).toFixed(1)} ms`;
    const text = w > 40 ? `<text x="${(x + 3).toFixed(1)}" y="${y + 12}">${escapeXml(name.slice(0, Math.floor(w / 7)))}</text>` : '';
    rects.push(
      `<g><title>${escapeXml(tip)}</title><rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 1}" fill="hsl(${hue(frame.group)},60%,70%)"/>${text}</g>`,
    );
    let offset = x;
    for (const child of frame.children) {
      draw(child, offset, level + 1);
      offset += child.totalMicros * scale;
    }
  };
  draw(root, 0, 0);
  const rows = summary.groups
    .map((group) => `<tr><td><span class="swatch" style="background:hsl(${hue(group.group)},60%,70%)"></span>${escapeXml(group.group)}</td><td>${group.selfMs.toFixed(1)}</td><td>${(group.share * 100).toFixed(1)} %</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<style>body{font:13px system-ui,sans-serif;margin:16px}svg text{font:11px ui-monospace,monospace;pointer-events:none}rect:hover{stroke:#000}table{border-collapse:collapse;margin-top:16px}td,th{padding:2px 10px;text-align:left}.swatch{display:inline-block;width:10px;height:10px;margin-right:6px}</style>
</head><body>
<h1>${escapeXml(title)}</h1>
<p>${summary.busyMs.toFixed(1)} ms sampled busy (${summary.samples} samples; ${summary.idleMs.toFixed(1)} ms idle left out). Callers above callees; width is total time; hover for times.</p>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${depth * rowHeight}" viewBox="0 0 ${width} ${depth * rowHeight}">
${rects.join('\n')}
</svg>
<table><thead><tr><th>self time by package or folder</th><th>ms</th><th>share</th></tr></thead><tbody>
${rows}
</tbody></table>
</body></html>
`;
}

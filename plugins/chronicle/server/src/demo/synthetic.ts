/**
 * Synthetic newsrooms for scale tests and benchmarks (`npx chronicle generate`): a seeded
 * random source, Strapi-shaped documentIds, and plausible Chinese (and English) names,
 * units, event titles and figures built from templates. Pure module: no Strapi import, so
 * the same seed always yields the same newsroom and the templates are unit-tested alone.
 *
 * The texts are invented from common surnames, given names and place-name parts; they are
 * not taken from the seed page.
 */
import type { ProfileKind, Qualifier, UnitKind } from '../domain/enums';

/** mulberry32: tiny, fast and good enough to spread synthetic data; not for secrets. */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
};
export type Random = ReturnType<typeof seededRandom>;

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A documentId shaped like Strapi's (cuid2: 24 lowercase alphanumerics, starting with a letter). */
export const documentIdFrom = (random: Random): string => {
  let id = ALNUM[Math.floor(random.next() * 26)];
  for (let i = 1; i < 24; i++) id += ALNUM[Math.floor(random.next() * 36)];
  return id;
};

/** Common surnames with their pinyin (the English form of a name). */
export const SURNAMES: ReadonlyArray<[string, string]> = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['赵', 'Zhao'],
  ['黄', 'Huang'], ['周', 'Zhou'], ['吴', 'Wu'], ['徐', 'Xu'], ['孙', 'Sun'], ['胡', 'Hu'], ['朱', 'Zhu'],
  ['高', 'Gao'], ['林', 'Lin'], ['何', 'He'], ['郭', 'Guo'], ['马', 'Ma'], ['罗', 'Luo'], ['梁', 'Liang'],
  ['宋', 'Song'], ['郑', 'Zheng'], ['谢', 'Xie'], ['韩', 'Han'], ['唐', 'Tang'], ['冯', 'Feng'], ['于', 'Yu'],
  ['董', 'Dong'], ['程', 'Cheng'], ['曹', 'Cao'], ['袁', 'Yuan'], ['邓', 'Deng'], ['许', 'Xu'], ['傅', 'Fu'],
  ['彭', 'Peng'], ['曾', 'Zeng'], ['吕', 'Lyu'], ['苏', 'Su'], ['卢', 'Lu'], ['蒋', 'Jiang'], ['蔡', 'Cai'],
  ['贾', 'Jia'], ['丁', 'Ding'], ['魏', 'Wei'], ['薛', 'Xue'], ['叶', 'Ye'], ['阎', 'Yan'], ['潘', 'Pan'],
];

/** Given-name characters with their pinyin; names are one or two of them. */
export const GIVEN: ReadonlyArray<[string, string]> = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'],
  ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂', 'gui'],
  ['英', 'ying'], ['华', 'hua'], ['建', 'jian'], ['国', 'guo'], ['红', 'hong'], ['玉', 'yu'], ['兰', 'lan'],
  ['文', 'wen'], ['斌', 'bin'], ['鹏', 'peng'], ['辉', 'hui'], ['宁', 'ning'], ['欣', 'xin'], ['晨', 'chen'],
  ['海', 'hai'], ['波', 'bo'], ['倩', 'qian'], ['婷', 'ting'], ['雪', 'xue'], ['琳', 'lin'], ['凯', 'kai'],
];

/** Place-name syllables: a unit's name is two of them plus the kind's suffix. */
export const PLACE_PARTS: ReadonlyArray<[string, string]> = [
  ['东', 'dong'], ['西', 'xi'], ['南', 'nan'], ['北', 'bei'], ['新', 'xin'], ['青', 'qing'], ['河', 'he'],
  ['山', 'shan'], ['安', 'an'], ['和', 'he'], ['平', 'ping'], ['兴', 'xing'], ['华', 'hua'], ['阳', 'yang'],
  ['柳', 'liu'], ['桥', 'qiao'], ['湖', 'hu'], ['林', 'lin'], ['泉', 'quan'], ['坪', 'ping'], ['寨', 'zhai'],
  ['庄', 'zhuang'], ['城', 'cheng'], ['园', 'yuan'], ['丰', 'feng'], ['宁', 'ning'], ['康', 'kang'], ['汾', 'fen'],
];

export const UNIT_LEVELS: ReadonlyArray<{ kind: UnitKind; zh: string; en: string; fanOut: number }> = [
  { kind: 'district', zh: '区', en: 'District', fanOut: 0 },
  { kind: 'subdistrict', zh: '街道', en: 'Subdistrict', fanOut: 6 },
  { kind: 'community', zh: '社区', en: 'Community', fanOut: 5 },
  { kind: 'grid', zh: '网格', en: 'Grid', fanOut: 4 },
];

export interface SyntheticUnit {
  index: number;
  parentIndex: number | null;
  kind: UnitKind;
  slug: string;
  zh: { name: string; shortName: string };
  en: { name: string; shortName: string };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A unit tree of about `count` units (at least one district), breadth first so parents come
 * before their children: district → subdistrict → community → grid, with fixed fan-outs.
 * Names are unique within the tree; slugs are unique and ASCII.
 */
export const unitTree = (count: number, random: Random): SyntheticUnit[] => {
  const perDistrict = UNIT_LEVELS.reduce((sum, _l, i) => sum + UNIT_LEVELS.slice(1, i + 1).reduce((p, l) => p * l.fanOut, 1), 0);
  const districts = Math.max(1, Math.ceil(count / perDistrict));
  const units: SyntheticUnit[] = [];
  const usedNames = new Set<string>();
  const make = (level: number, parentIndex: number | null) => {
    const { kind, zh, en } = UNIT_LEVELS[level];
    const parent = parentIndex === null ? null : units[parentIndex];
    let zhShort: string;
    let enShort: string;
    if (kind === 'grid') {
      const n = units.filter((u) => u.parentIndex === parentIndex).length + 1;
      zhShort = `第${n}`;
      enShort = `No. ${n}`;
    } else {
      let attempt = 0;
      do {
        const a = random.pick(PLACE_PARTS);
        const b = random.pick(PLACE_PARTS);
        zhShort = a[0] + b[0];
        enShort = cap(a[1] + b[1]);
        attempt += 1;
        if (attempt > 20) {
          zhShort += units.length;
          enShort += units.length;
        }
      } while (usedNames.has(`${kind}:${zhShort}`));
      usedNames.add(`${kind}:${zhShort}`);
    }
    const index = units.length;
    units.push({
      index,
      parentIndex,
      kind,
      slug: `u${index}-${kind}`,
      zh: { name: kind === 'grid' && parent ? `${parent.zh.shortName}社区${zhShort}${zh}` : `${zhShort}${zh}`, shortName: zhShort },
      en: { name: kind === 'grid' && parent ? `${parent.en.shortName} Community ${en} ${enShort}` : `${enShort} ${en}`, shortName: enShort },
    });
    return index;
  };
  let frontier: number[] = [];
  for (let d = 0; d < districts && units.length < count; d++) frontier.push(make(0, null));
  for (let level = 1; level < UNIT_LEVELS.length; level++) {
    const next: number[] = [];
    for (const parent of frontier) {
      for (let c = 0; c < UNIT_LEVELS[level].fanOut && units.length < count; c++) next.push(make(level, parent));
    }
    frontier = next;
  }
  return units;
};

export interface PersonName {
  zh: string;
  en: string;
}

export const personName = (random: Random): PersonName => {
  const [surname, surnameEn] = random.pick(SURNAMES);
  const given = random.chance(0.6) ? [random.pick(GIVEN), random.pick(GIVEN)] : [random.pick(GIVEN)];
  return { zh: surname + given.map((g) => g[0]).join(''), en: `${surnameEn} ${cap(given.map((g) => g[1]).join(''))}` };
};

export const PROFILE_ROLES: ReadonlyArray<{ kind: ProfileKind; zh: string; en: string }> = [
  { kind: 'grid-worker', zh: '网格员', en: 'grid worker' },
  { kind: 'grid-worker', zh: '网格长', en: 'grid leader' },
  { kind: 'police', zh: '民警', en: 'police officer' },
  { kind: 'police', zh: '所长', en: 'station chief' },
  { kind: 'police', zh: '辅警', en: 'auxiliary officer' },
  { kind: 'medical', zh: '护士', en: 'nurse' },
  { kind: 'medical', zh: '医生', en: 'doctor' },
  { kind: 'volunteer', zh: '志愿者', en: 'volunteer' },
  { kind: 'official', zh: '社区书记', en: 'community secretary' },
];

/** Event titles: {place} is a unit's short name, {person} a name, {n} a number. */
export const EVENT_TEMPLATES: ReadonlyArray<{ zh: string; en: string }> = [
  { zh: '{place}开展第{n}轮全员核酸检测', en: '{place} runs round {n} of citywide testing' },
  { zh: '{place}网格员入户排查{n}户', en: 'Grid workers in {place} visit {n} households' },
  { zh: '{person}带队在{place}设卡值守', en: '{person} leads a checkpoint shift in {place}' },
  { zh: '{place}为居家老人配送生活物资', en: '{place} delivers supplies to elderly residents' },
  { zh: '{place}志愿者服务队成立', en: 'A volunteer team is formed in {place}' },
  { zh: '{person}连续值守{n}小时', en: '{person} stays on duty for {n} hours' },
  { zh: '{place}完成重点人员视频回访', en: '{place} completes video follow-up calls' },
  { zh: '{place}召开疫情防控调度会', en: '{place} holds an epidemic-control briefing' },
  { zh: '{place}解除封控管理', en: 'Lockdown measures lifted in {place}' },
  { zh: '{person}调解邻里纠纷', en: '{person} mediates a dispute between neighbours' },
];

export const DESCRIPTION_TEMPLATES: ReadonlyArray<{ zh: string; en: string }> = [
  { zh: '当日{place}组织工作人员分组行动，{person}负责统筹协调。', en: 'Staff in {place} worked in groups that day, coordinated by {person}.' },
  { zh: '{person}与同事一道，在{place}逐户登记、逐项核实。', en: '{person} and colleagues registered and checked every household in {place}.' },
  { zh: '据{place}工作人员介绍，此项工作共动员{n}人次。', en: 'According to staff in {place}, {n} person-visits were mobilised.' },
];

export const fill = (template: string, values: { place: string; person: string; n: number }) =>
  template.replace(/\{place\}/g, values.place).replace(/\{person\}/g, values.person).replace(/\{n\}/g, String(values.n));

export const METRICS: ReadonlyArray<{ metric: string; zh: string; en: string; countUnit: string; additive: boolean; max: number }> = [
  { metric: 'households-visited', zh: '入户排查户数', en: 'households visited', countUnit: '户', additive: true, max: 5000 },
  { metric: 'video-calls', zh: '视频回访次数', en: 'video calls', countUnit: '次', additive: true, max: 100000 },
  { metric: 'tests-done', zh: '核酸检测人次', en: 'tests done', countUnit: '人次', additive: true, max: 500000 },
  { metric: 'volunteers', zh: '志愿者人数', en: 'volunteers', countUnit: '名', additive: true, max: 2000 },
  { metric: 'checkpoints', zh: '设卡数量', en: 'checkpoints', countUnit: '个', additive: true, max: 200 },
  { metric: 'vehicles-checked', zh: '查验车辆', en: 'vehicles checked', countUnit: '辆次', additive: true, max: 20000 },
  { metric: 'residents', zh: '常住人口', en: 'residents', countUnit: '人', additive: false, max: 80000 },
];

export const QUALIFIER_WEIGHTS: ReadonlyArray<[Qualifier, number]> = [
  ['exact', 0.5],
  ['more-than', 0.25],
  ['nearly', 0.1],
  ['about', 0.1],
  ['at-least', 0.05],
];

export const pickQualifier = (random: Random): Qualifier => {
  let r = random.next();
  for (const [q, w] of QUALIFIER_WEIGHTS) {
    if (r < w) return q;
    r -= w;
  }
  return 'exact';
};

/** Instants spread evenly over [from, to): the archive covers several years. */
export const instantBetween = (random: Random, from: Date, to: Date): Date => {
  const span = to.getTime() - from.getTime();
  // whole minutes, like reported times
  return new Date(from.getTime() + Math.floor((random.next() * span) / 60000) * 60000);
};

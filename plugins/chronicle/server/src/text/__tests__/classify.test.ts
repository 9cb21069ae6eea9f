import { classifyFigure } from '../classify';
import { parseQuantities } from '../quantities';

/** The verdict on the figure written `expression` inside `sentence`. */
const verdict = (sentence: string, expression: string) => {
  const q = parseQuantities(sentence).find((x) => x.text === expression);
  if (!q) throw new Error(`${expression} is not read as a quantity in ${sentence}`);
  return classifyFigure(sentence, q);
};

describe('classifyFigure', () => {
  test.each<[string, string, string, boolean]>([
    // durations: not statistics, unless a counted total
    ['卡口实行24小时值守。', '24小时', 'duration', false],
    ['经过三个多小时的搜寻，找到了他。', '三个多小时', 'duration', false],
    ['专案组历时一个多月。', '一个多月', 'duration', false],
    ['网格员已连续值守六天。', '六天', 'duration', false],
    ['18分钟后将明火扑灭。', '18分钟', 'duration', false],
    ['连续奋战近20个小时。', '近20个小时', 'duration', false],
    ['热线全年通话时长1850余小时。', '1850余小时', 'duration-total', true],
    ['志愿者累计服务时长已超过900小时。', '超过900小时', 'duration-total', true],
    // distances of spacing or place; a measured extent is kept
    ['居民排队时保持两米距离。', '两米', 'distance', false],
    ['在距岸边约15米处找到了他。', '约15米', 'distance', false],
    ['在离家约5公里的桥洞下。', '约5公里', 'distance', false],
    ['家属们相隔一米以上站立。', '一米以上', 'distance', false],
    ['对全长46公里的江堤开展巡查。', '46公里', 'measure', true],
    // names, round numbers, house numbers, rates, service numbers
    ['交警一办十三组民警赶赴现场。', '十三组', 'name', false],
    ['五地七所的医务人员坚守一线。', '七所', 'name', false],
    ['在此前十三轮次核酸筛查中。', '十三轮', 'ordinal', false],
    ['累计开展13轮次核酸检测。', '13轮', 'count', true],
    ['她负责的12栋2单元住着64户。', '12栋', 'address', false],
    ['这个小区只有4栋楼。', '4栋', 'count', true],
    ['志愿者每天两次为全院消毒。', '两次', 'rate', false],
    ['市民反映问题，热线是12345。', '12345', 'service-number', false],
    ['紧急情况请立即打119。', '119', 'service-number', false],
    // norms, slogans, readings, scores, names in lists
    ['社区成立志愿服务队，每班4人。', '4人', 'rate', false],
    ['每个网格配备1名网格长。', '1名', 'rate', false],
    ['每周巡查一遍，累计巡查120次。', '120次', 'count', true],
    ['为辖区每户居民送去米面油3000余份。', '3000余份', 'count', true],
    ['街道落实“四个一”工作法。', '四个', 'slogan', false],
    ['患者体温38.5℃。', '38.5', 'temperature', false],
    ['比分定格在3比1。', '1', 'score', false],
    ['他的号码牌上写着7。', '7', 'unitless', false],
    ['社区二组、三组的居民参加演练。', '二组', 'name', false],
    ['社区二组、三组的居民参加演练。', '三组', 'name', false],
    ['队员们分成三组搜索。', '三组', 'count', true],
    ['常住人口1.6万。', '1.6万', 'bare-number', true],
    // what stays a statistic
    ['全市出动警力4800余人次。', '4800余人次', 'count', true],
    ['被骗走2.8万元。', '2.8万元', 'amount', true],
    ['办结率达98.6%。', '98.6%', 'percentage', true],
    ['过火面积约40平方米。', '约40平方米', 'measure', true],
  ])('%s %s → %s', (sentence, expression, rule, keep) => {
    expect(verdict(sentence, expression)).toEqual({ keep, rule });
  });

  test('looks at a few characters either side only: a spacing word far back does not count', () => {
    const sentence = `保持距离，${'网格员走访居民'.repeat(3)}，江堤全长46公里。`;
    expect(verdict(sentence, '46公里')).toEqual({ keep: true, rule: 'measure' });
  });
});

/**
 * Demo newsroom: the facts of the seed page (shared/seeds/000_829b76d0d21f3f90.txt, a 2022
 * Taiyuan newspaper page with three pieces: the grid workers of Jiancaoping District, the
 * police sub-bureau's chronicle of 23 February – 6 March 2022, and a news brief about a
 * caregiver on 5 March) turned into demo records. Names, units, dates and figures are the
 * seed's; every sentence is our own summary, never the seed's wording (enforced by
 * ./__tests__/data.test.ts). Nothing is invented: where the seed is vague we say so or
 * leave the optional field out.
 *
 * Assumptions of the demo (not stated by the seed):
 * - Dateline: the page carries no publication date. All three reports use 2022-03-07, the
 *   day after the latest event on the page (3月6日), in Taiyuan (Asia/Shanghai, +08:00).
 * - Year: the page gives month and day only; the events are in 2022 (February–March).
 * - Consent: police officers, the bureau's leaders and the community director act in their
 *   official role ('public-duty'). Grid workers are treated as having 'consented' to a
 *   commendation page (a demo assumption; a real newsroom would record their consent).
 *   赵宁 appears in the seed only as a police officer's wife, so her profile is 'anonymised'
 *   and her name appears in no public text but her own (masked) fullName. None 'withdrawn'.
 * - Privacy (DESIGN §7): the pregnant resident helped by 郭妍菊 is not named and her
 *   pregnancy is not mentioned anywhere; health and family details of 张燕琴 and 曹勇 are in
 *   `privateNotes` only; the caregiver 柳师傅 and other residents helped are not profiles,
 *   and their private circumstances (age, family, home town) are left out.
 * - Undated deeds: the grid-worker feature has no dates at all, and some passages of the
 *   police piece have none. Such deeds carry `2022-01-01` with precision 'year' (we only
 *   know the year), never an invented day.
 * - Pronouns: the seed gives no gender for most people; the texts use names instead of
 *   he/she except where the seed itself says 他/她 or husband/wife.
 */
import type { DemoNewsroom } from './types';

const R_GRID = 'r-grid-workers';
const R_POLICE = 'r-police-chronicle';
const R_BRIEF = 'r-caregiver-brief';
const CH_POLICE = 'ch-police';
/** For deeds the seed does not date: year precision only. */
const YEAR_2022 = '2022-01-01';

export const demoNewsroom: DemoNewsroom = {
  // ---------------------------------------------------------------------------------------
  // Units: one tree rooted at the district, plus the hospital (which the seed does not
  // place in any district) as a second root.
  // ---------------------------------------------------------------------------------------
  units: [
    {
      key: 'u-jiancaoping',
      slug: 'jiancaoping-qu',
      kind: 'district',
      text: {
        zh: { name: '尖草坪区', shortName: '尖草坪', description: '太原市的一个城区，本页三篇报道发生的地方。' },
        en: {
          name: 'Jiancaoping District',
          shortName: 'Jiancaoping',
          description: 'A district of Taiyuan, where all three stories on the page take place.',
        },
      },
    },
    // Subdistricts (街道)
    {
      key: 'u-nanzhai',
      slug: 'nanzhai-jiedao',
      kind: 'subdistrict',
      parent: 'u-jiancaoping',
      text: {
        zh: { name: '南寨街道', shortName: '南寨' },
        en: { name: 'Nanzhai Subdistrict', shortName: 'Nanzhai' },
      },
    },
    {
      key: 'u-xincheng',
      slug: 'xincheng-jiedao',
      kind: 'subdistrict',
      parent: 'u-jiancaoping',
      text: {
        zh: { name: '新城街道', shortName: '新城' },
        en: { name: 'Xincheng Subdistrict', shortName: 'Xincheng' },
      },
    },
    {
      key: 'u-huifeng',
      slug: 'huifeng-jiedao',
      kind: 'subdistrict',
      parent: 'u-jiancaoping',
      text: {
        zh: { name: '汇丰街道', shortName: '汇丰' },
        en: { name: 'Huifeng Subdistrict', shortName: 'Huifeng' },
      },
    },
    {
      key: 'u-chaicun',
      slug: 'chaicun-jiedao',
      kind: 'subdistrict',
      parent: 'u-jiancaoping',
      text: {
        zh: { name: '柴村街道', shortName: '柴村' },
        en: { name: 'Chaicun Subdistrict', shortName: 'Chaicun' },
      },
    },
    {
      key: 'u-yingxinjie',
      slug: 'yingxinjie-jiedao',
      kind: 'subdistrict',
      parent: 'u-jiancaoping',
      text: {
        zh: { name: '迎新街街道', shortName: '迎新街' },
        en: { name: 'Yingxinjie Subdistrict', shortName: 'Yingxinjie' },
      },
    },
    // Communities (社区)
    {
      key: 'u-xinganyuan',
      slug: 'xinganyuan-shequ',
      kind: 'community',
      parent: 'u-nanzhai',
      text: {
        zh: { name: '兴安苑社区', shortName: '兴安苑' },
        en: { name: "Xing'anyuan Community", shortName: "Xing'anyuan" },
      },
    },
    {
      key: 'u-xinhuaxi',
      slug: 'xinhuaxi-shequ',
      kind: 'community',
      parent: 'u-nanzhai',
      text: {
        zh: { name: '新华西社区', shortName: '新华西' },
        en: { name: 'Xinhuaxi Community', shortName: 'Xinhuaxi' },
      },
    },
    {
      key: 'u-sheying',
      slug: 'sheying-shequ',
      kind: 'community',
      parent: 'u-chaicun',
      text: {
        zh: { name: '摄影社区', shortName: '摄影' },
        en: { name: 'Sheying Community', shortName: 'Sheying' },
      },
    },
    {
      key: 'u-youshanmeijun',
      slug: 'youshanmeijun-shequ',
      kind: 'community',
      parent: 'u-chaicun',
      text: {
        zh: { name: '优山美郡社区', shortName: '优山美郡' },
        en: { name: 'Youshan Meijun Community', shortName: 'Youshan Meijun' },
      },
    },
    {
      key: 'u-qinglou',
      slug: 'qinglou-shequ',
      kind: 'community',
      parent: 'u-yingxinjie',
      text: {
        zh: { name: '青楼社区', shortName: '青楼' },
        en: { name: 'Qinglou Community', shortName: 'Qinglou' },
      },
    },
    {
      key: 'u-nangunian',
      slug: 'nangunian-shequ',
      kind: 'community',
      parent: 'u-yingxinjie',
      text: {
        zh: { name: '南固碾社区', shortName: '南固碾' },
        en: { name: 'Nangunian Community', shortName: 'Nangunian' },
      },
    },
    {
      // The seed names this community without its subdistrict: it hangs off the district.
      key: 'u-207suo',
      slug: '207suo-shequ',
      kind: 'community',
      parent: 'u-jiancaoping',
      text: {
        zh: {
          name: '207所社区',
          shortName: '207所',
          description: '报道只提到社区向“街道”汇报，没有写明是哪个街道，因此暂时直接挂在尖草坪区之下。',
        },
        en: {
          name: '207 Suo Community',
          shortName: '207 Suo',
          description:
            'The brief says the community reported to "the subdistrict" without naming it, so it is filed directly under Jiancaoping District for now.',
        },
      },
    },
    // Places below a community, or of unknown parent (kind 'other')
    {
      key: 'u-yiheyuan',
      slug: 'yiheyuan-xiaoqu',
      kind: 'other',
      parent: 'u-nangunian',
      text: {
        zh: { name: '怡和园小区', shortName: '怡和园', description: '南固碾社区里的一个住宅小区。' },
        en: {
          name: 'Yiheyuan Estate',
          shortName: 'Yiheyuan',
          description: 'A housing estate in Nangunian Community.',
        },
      },
    },
    {
      key: 'u-nanzhai-cun',
      slug: 'nanzhai-cun',
      kind: 'other',
      parent: 'u-jiancaoping',
      text: {
        zh: {
          name: '南寨村',
          description: '村子。报道没有写明它属于哪个街道，只知道报警打到了南寨派出所。',
        },
        en: {
          name: 'Nanzhai Village',
          description:
            'A village. The report does not say which subdistrict it belongs to; the call for help went to Nanzhai Police Station.',
        },
      },
    },
    // Police
    {
      key: 'u-police-bureau',
      slug: 'gongan-jiancaoping-fenju',
      kind: 'police-bureau',
      parent: 'u-jiancaoping',
      text: {
        zh: { name: '公安尖草坪分局', shortName: '尖草坪分局' },
        en: { name: 'Jiancaoping Public Security Sub-bureau', shortName: 'Jiancaoping Sub-bureau' },
      },
    },
    {
      key: 'u-ps-nanzhai',
      slug: 'nanzhai-paichusuo',
      kind: 'police-station',
      parent: 'u-police-bureau',
      text: {
        zh: { name: '南寨派出所' },
        en: { name: 'Nanzhai Police Station' },
      },
    },
    {
      key: 'u-ps-yingxinjie',
      slug: 'yingxinjie-paichusuo',
      kind: 'police-station',
      parent: 'u-police-bureau',
      text: {
        zh: { name: '迎新街派出所' },
        en: { name: 'Yingxinjie Police Station' },
      },
    },
    {
      key: 'u-ps-gucheng',
      slug: 'gucheng-paichusuo',
      kind: 'police-station',
      parent: 'u-police-bureau',
      text: {
        zh: { name: '古城派出所' },
        en: { name: 'Gucheng Police Station' },
      },
    },
    {
      key: 'u-legal-brigade',
      slug: 'fazhi-dadui',
      kind: 'police-brigade',
      parent: 'u-police-bureau',
      text: {
        zh: { name: '法制大队' },
        en: { name: 'Legal Affairs Brigade' },
      },
    },
    {
      // The seed writes "尖草坪交警一、二大队": the two brigades' names are spelt out here.
      key: 'u-traffic-1',
      slug: 'jiaojing-yi-dadui',
      kind: 'police-brigade',
      parent: 'u-police-bureau',
      text: {
        zh: { name: '交警一大队' },
        en: { name: 'Traffic Police Brigade No. 1' },
      },
    },
    {
      key: 'u-traffic-2',
      slug: 'jiaojing-er-dadui',
      kind: 'police-brigade',
      parent: 'u-police-bureau',
      text: {
        zh: { name: '交警二大队' },
        en: { name: 'Traffic Police Brigade No. 2' },
      },
    },
    // Other institutions
    {
      key: 'u-school-66',
      slug: 'taiyuan-di-liushiliu-zhongxue',
      kind: 'school',
      parent: 'u-jiancaoping',
      text: {
        zh: { name: '太原市第六十六中学', shortName: '六十六中' },
        en: { name: 'Taiyuan No. 66 Middle School', shortName: 'School No. 66' },
      },
    },
    {
      // No parent: the seed does not say where the hospital is.
      key: 'u-coal-hospital',
      slug: 'sheng-meitan-zhongxin-yiyuan',
      kind: 'hospital',
      text: {
        zh: { name: '省煤炭中心医院' },
        en: { name: 'Shanxi Provincial Coal Central Hospital' },
      },
    },
  ],

  // ---------------------------------------------------------------------------------------
  // Contributors: the seed names no newspaper or employer, so no affiliation is given.
  // ---------------------------------------------------------------------------------------
  contributors: [
    { key: 'c-wang-yong', slug: 'wang-yong', kind: 'reporter', text: { zh: { name: '王勇' }, en: { name: 'Wang Yong' } } },
    { key: 'c-yang-li', slug: 'yang-li', kind: 'correspondent', text: { zh: { name: '杨莉' }, en: { name: 'Yang Li' } } },
    {
      key: 'c-guo-junqi',
      slug: 'guo-junqi',
      kind: 'correspondent',
      text: { zh: { name: '郭珺琪' }, en: { name: 'Guo Junqi' } },
    },
    { key: 'c-yang-mo', slug: 'yang-mo', kind: 'reporter', text: { zh: { name: '杨沫' }, en: { name: 'Yang Mo' } } },
    { key: 'c-han-rui', slug: 'han-rui', kind: 'reporter', text: { zh: { name: '韩睿' }, en: { name: 'Han Rui' } } },
    { key: 'c-liu-yan', slug: 'liu-yan', kind: 'correspondent', text: { zh: { name: '柳艳' }, en: { name: 'Liu Yan' } } },
  ],

  // ---------------------------------------------------------------------------------------
  // Reports. datelineDate 2022-03-07 is the demo's assumption (see the header).
  // ---------------------------------------------------------------------------------------
  reports: [
    {
      key: R_GRID,
      slug: 'wangeyuan-duomianshou',
      datelineDate: '2022-03-07',
      // The seed's byline is "记者 王勇 / 通讯员 杨莉 郭珺琪 文/摄": the two correspondents
      // wrote and photographed together, so both carry the 'text-and-photos' role on this
      // report (their contributor kind stays 'correspondent').
      bylines: [
        { contributor: 'c-wang-yong', role: 'reporter' },
        { contributor: 'c-yang-li', role: 'text-and-photos' },
        { contributor: 'c-guo-junqi', role: 'text-and-photos' },
      ],
      tags: ['grid-workers', 'mass-testing', 'epidemic-control'],
      profiles: ['p-guo-yanju', 'p-sun-lihua', 'p-gu-lina', 'p-zhou-hong', 'p-liang-wenjin', 'p-hou-huixian'],
      text: {
        zh: {
          title: '网格员一人多职 守牢社区防疫线',
          kicker: '尖草坪区 · 网格防疫',
          dek: '一千多名网格员入户摸排、协助检测、上门服务，成了社区防控的骨干。',
          datelinePlace: '太原',
          body: [
            '疫情期间，尖草坪区一千多名网格员全员投入社区防控。摸底排查、协助核酸检测、安抚居民、代买代办、收集情况，他们一人身兼多职，成了防疫的“多面手”。',
            '全区按照就近、便于管理的原则，在网格上建起了893个党组织；借助电话和视频，网格员讲解政策、问候居民、疏导情绪，南寨街道的网格员与居民视频通话超过10万次。兴安苑社区的郭妍菊得知一位独自在家的居民焦虑不安，马上请来心理咨询师和医生帮忙疏导。',
            '新城街道52名网格员坚持每天视频连线，做到“一日一户一访”；汇丰街道组织149名网格员第一时间向居民通报疫情、解释政策，提醒大家没有必要就不出门、不出小区、不出区。',
            '一轮全区全员核酸检测要覆盖将近50万人。检测前，网格员在全区77个社区里先行摸排；检测当天，他们隔几个小时就进楼敲门，提醒居民按时采样。另有132支由网格员与医务人员组成的入户小分队，上门为卧床和行动不便的居民采样。',
            '孙丽花是新华西社区的网格员，带着医务人员在楼栋之间挨户上门采样，穿着防护服爬上爬下，冬天也常常一身汗。摄影社区（柴村街道）的网格员古丽娜发现信息录入拖慢了检测，提议把登记提前到排队环节，由几名录入员在候检队伍中逐个登记，采样快了很多。',
            '青楼社区的周红得知一位居民急着去照顾独自生活的老母亲，马上向上反映，经区防疫指挥部特批，半夜和同事把这位居民送了过去。优山美郡社区的梁文晋为要外出参加防疫工作的居民核实情况、帮忙开好证明。怡和园小区的侯慧仙联系附近菜店，按居民的需要把新鲜蔬菜水果打包运到社区门口，再一户户送上门。',
            '有9家企业身处管控区、无法外出办事，31名网格员替它们联系相关部门、代跑经营手续，帮企业复工复产。不少居民在社区群里留言，向这些平日里不起眼的网格员道谢。',
          ].join('\n\n'),
        },
        en: {
          title: 'Grid workers take on many roles to hold the community line',
          kicker: 'Jiancaoping District · Grid work',
          dek: 'More than a thousand grid workers went door to door, helped with testing and delivered services, and became the backbone of community epidemic control.',
          datelinePlace: 'Taiyuan',
          body: [
            'During the outbreak, more than a thousand grid workers in Jiancaoping District joined community epidemic control. They checked households, helped with PCR testing, calmed residents, ran errands and gathered information: one person, many jobs.',
            'The district set up 893 Party organisations on its grids. Grid workers explained the rules and checked on residents by phone and video; in Nanzhai Subdistrict alone they made more than 100,000 video calls. In Xing\'anyuan Community, Guo Yanju learnt that a resident at home alone was anxious and at once brought in a counsellor and a doctor to help.',
            'In Xincheng Subdistrict, 52 grid workers called every household by video each day ("one household, one visit, every day"). Huifeng Subdistrict sent 149 grid workers to brief residents on the latest situation and the rules, and to ask them not to leave home, their estate or the district unless necessary.',
            'One round of district-wide mass testing covered nearly 500,000 people. Before each round, grid workers in the district\'s 77 communities checked households in advance; on testing days they knocked on doors every few hours to remind residents. 132 home-sampling teams of grid workers and medical staff tested bedridden and less mobile residents at home.',
            'Sun Lihua of Xinhuaxi Community led medical staff from door to door, climbing stairs in protective suits and sweating even in winter. Gu Lina of Sheying Community saw that data entry was slowing testing down and suggested registering people while they queued, with several clerks working along the line; sampling became much faster.',
            'Zhou Hong of Qinglou Community reported a resident\'s urgent need to care for an elderly mother living alone; with special approval from the district\'s epidemic command, Zhou Hong and colleagues took the resident there in the middle of the night. Liang Wenjin of Youshan Meijun Community checked the case of residents who had to go out for epidemic work and helped them get their papers. Hou Huixian of Yiheyuan Estate arranged fresh vegetables and fruit with nearby shops and delivered them to each door.',
            'Inside the controlled zone, 31 grid workers handled paperwork with the authorities for 9 enterprises that could not send anyone out, helping them resume work. Many residents thanked them in their community chat groups.',
          ].join('\n\n'),
        },
      },
    },
    {
      key: R_POLICE,
      slug: 'jiancaoping-minjing-jianshou-yixian',
      datelineDate: '2022-03-07',
      bylines: [{ contributor: 'c-yang-mo', role: 'reporter' }],
      tags: ['police', 'chronicle', 'epidemic-control'],
      chronicle: CH_POLICE,
      profiles: [
        'p-dong-bo',
        'p-wang-chenggong',
        'p-peng-lei',
        'p-zheng-rongchang',
        'p-dong-zhenhua',
        'p-jia-genfu',
        'p-zheng-binfeng',
        'p-guo-ying',
        'p-jin-bin',
        'p-wang-quanbao',
        'p-zhang-yanqin',
        'p-cao-yong',
        'p-zhao-ning',
      ],
      text: {
        zh: {
          title: '疫情当前 尖草坪民警坚守一线',
          kicker: '纪实',
          dek: '从2月23日到3月6日，分局民警辅警连续作战：转运师生、管控封控区、为群众送药解困，直到全区健康码转绿。',
          datelinePlace: '太原',
          body: [
            '3月6日，尖草坪区四轮全域核酸检测全部为阴性，不少居民的健康码黄了好些天，终于变回绿色。这背后是许多一线防疫人员连日的付出，尖草坪公安便是其中一支。',
            '从2月23日到3月6日，分局按战时状态运转，民警辅警昼夜在岗，全局累计投入警车900余辆次、警力4800余人次。',
            '2月23日，主动检测显示一名忻州的确诊病例此前进过太原市第六十六中学，在校内停了10分钟。分局党委随即部署，全局转入战时状态：局长董波任联勤联控分指挥部总指挥，下设的17个工作组同时运转，王承公政委坐镇指挥中心调度，分局还成立了两个临时党支部，其中一个专管隔离酒店安保。',
            '24日，区内确认了首例阳性感染者。所长彭磊带着南寨派出所民警协助防疫部门转运师生，从消杀检测、车辆疏导到情绪安抚都一丝不苟。董波亲临现场，王承公负责全程调度，一边敲定路线一边联系隔离酒店；随车护送的民警有60余名。到中午12时前后，1144名师生已全部住进指定的隔离酒店。',
            '2月25日清晨，分局调集300名警力赶到迎新街一带：内围的人员车辆由南寨、迎新街两个派出所管控，机关各科室的民警全部下到一线守外围。2月26日起，各小区、各村分别划为网格，由所在地的派出所包干布警；分局还和交警一、二大队组织了350余人的防控队伍（含志愿者），守住全区外围的17个重要路口。',
            '民警也在细处帮群众解难。2月26日，郑荣昶替一位受了外伤的老人买来消炎药；2月28日，民警董振华把区内买不到的药送进封控区；3月1日，南寨派出所副所长贾根富赶到南寨村，给一名自2月24日起被困、车上断了吃喝的送货司机送去热水和食物。',
            '不少民警放弃休假连日坚守。法制大队的郑斌峰和在南寨派出所做户籍内勤的郭瑛是一对警察夫妻，分处管控区内外；指挥室主任靳彬24小时保障调度，妻子也在社区采集核酸样本；临近退休的王全保吃住在单位；古城派出所的张燕琴在卡口、封控区和采样点之间奔忙；法制大队的曹勇守在隔离酒店做安保。',
          ].join('\n\n'),
        },
        en: {
          title: 'Jiancaoping police hold the front line of the outbreak',
          kicker: 'Chronicle',
          dek: 'From 23 February to 6 March the sub-bureau\'s officers worked without a break: moving a school into quarantine, guarding sealed zones and bringing medicine to residents, until the district\'s health codes turned green.',
          datelinePlace: 'Taiyuan',
          body: [
            'On 6 March, four rounds of district-wide testing in Jiancaoping all came back negative, and many residents whose health codes had been yellow for days saw them turn green again. The police were among the many frontline workers behind that result.',
            'From 23 February to 6 March the sub-bureau worked on a wartime footing, with officers on duty around the clock: more than 900 vehicle deployments and more than 4,800 officer deployments in all.',
            'On 23 February proactive testing showed that a confirmed case from Xinzhou had spent 10 minutes at Taiyuan No. 66 Middle School. The bureau\'s Party committee put the whole bureau on a wartime footing. Bureau chief Dong Bo headed a joint command centre whose 17 working groups ran in parallel; political commissar Wang Chenggong directed operations from the command centre; two temporary Party branches were formed, one of them for security at the quarantine hotels.',
            'On the 24th the district\'s first positive case was confirmed. Station chief Peng Lei led officers of Nanzhai Police Station in helping to move the school\'s students and staff, from disinfection to traffic control and reassurance. Dong Bo was on site and Wang Chenggong coordinated throughout, fixing the route and arranging the hotels; more than 60 officers rode with the convoy. By around noon all 1,144 students and staff were in the designated quarantine hotels.',
            'Early on 25 February, 300 officers gathered in the Yingxinjie area: the Nanzhai and Yingxinjie stations controlled people and vehicles inside, while officers from the bureau\'s offices held the outer line. From 26 February every estate and village became a grid policed by its local station, and with Traffic Police Brigades No. 1 and No. 2 a force of more than 350, volunteers included, controlled 17 key junctions on the district\'s edge.',
            'Officers also helped people one by one. On 26 February Zheng Rongchang bought medicine for an injured elderly man; on 28 February Dong Zhenhua of Yingxinjie station brought a medicine that could not be found in the district into the sealed zone; on 1 March deputy station chief Jia Genfu brought hot water and food to a delivery driver stranded in Nanzhai Village since 24 February.',
            'Many gave up their rest days. Zheng Binfeng of the Legal Affairs Brigade and Guo Ying of Nanzhai station, a police couple, worked on either side of the controlled-zone line; command room head Jin Bin kept the command running day and night while his wife, a medical worker, collected samples in the community; Wang Quanbao, close to retirement, lived at the bureau; Zhang Yanqin of Gucheng station moved between checkpoints, the sealed zone and testing sites; Cao Yong of the Legal Affairs Brigade guarded a quarantine hotel.',
          ].join('\n\n'),
        },
      },
    },
    {
      key: R_BRIEF,
      slug: 'huangma-hugong-jizhong-geli',
      datelineDate: '2022-03-07',
      bylines: [
        { contributor: 'c-han-rui', role: 'reporter' },
        { contributor: 'c-liu-yan', role: 'correspondent' },
      ],
      tags: ['health-code', 'quarantine', 'community'],
      profiles: ['p-han-zhuren'],
      text: {
        zh: {
          title: '黄码护工无处落脚 社区当天协调集中隔离',
          kicker: '本报讯',
          dek: '省煤炭中心医院一名外地护工健康码变黄后无处可去，207所社区多方协调，当晚为他争取到集中隔离。',
          datelinePlace: '太原',
          body: [
            '3月5日中午，省煤炭中心医院的一名外地护工柳师傅被判定为“时空伴随者”，健康码随之变黄。他平时就住在医院，这下医院进不去，宾馆也住不了，没有绿码连超市都进不了，午饭也没着落。无奈之下，他给207所社区打了电话。',
            '社区干部通过渠道确认，他这段时间都在医院照看病人，没去过外地，手里还有核酸阴性报告，就让他先到社区来。值班干部给他端来热水，又拿了方便面和面包。韩主任打防控部门的电话一直占线，便转而向街道报告。',
            '下午3时许，有关部门了解了柳师傅的身体状况和行程，答复他可以居家隔离。可他除了医院再无住处，够不上居家隔离的条件，于是申请集中隔离，社区又一次向上报告。',
            '当晚6时，社区接到通知：申请已获特批。晚上9时，急救车到社区接走了柳师傅。',
          ].join('\n\n'),
        },
        en: {
          title: 'Caregiver with a yellow code finds a place to quarantine the same day',
          kicker: 'News brief',
          dek: 'A caregiver from outside the city, working at Shanxi Provincial Coal Central Hospital, had nowhere to go after his health code turned yellow; 207 Suo Community arranged centralised quarantine for him that evening.',
          datelinePlace: 'Taiyuan',
          body: [
            'Around noon on 5 March, Mr Liu, a caregiver from outside the city who works at Shanxi Provincial Coal Central Hospital, was flagged as a "spatiotemporal companion" and his health code turned yellow. He normally lives at the hospital; now he could not go back, could not check into a hotel and could not even enter a supermarket to buy lunch. He phoned 207 Suo Community for help.',
            'Community officials confirmed that he had been caring for patients at the hospital, had not left the area and held a negative test result, and asked him to come to the community office, where the duty officials gave him hot water, instant noodles and bread. Director Han could not get through to the epidemic-control hotline and reported the case to the subdistrict.',
            'Around 3 p.m. the authorities, having checked his health and movements, said he could quarantine at home. But he has no home other than the hospital, so he applied for centralised quarantine and the community reported his case again.',
            'At 6 p.m. the community was told the application had been specially approved. At 9 p.m. an ambulance came to the community and took him away.',
          ].join('\n\n'),
        },
      },
    },
  ],

  // ---------------------------------------------------------------------------------------
  // Profiles: everyone the seed commends by name (20). Grid workers: 'consented' (demo
  // assumption); police and the community director: 'public-duty'; 赵宁: 'anonymised'.
  // ---------------------------------------------------------------------------------------
  profiles: [
    // Grid workers (first report; it gives no dates, so deeds have year precision)
    {
      key: 'p-guo-yanju',
      slug: 'guo-yanju',
      kind: 'grid-worker',
      unit: 'u-xinganyuan',
      dutyRoles: ['counselling', 'outreach'],
      consent: 'consented',
      deeds: [
        {
          date: YEAR_2022,
          precision: 'year',
          report: R_GRID,
          text: {
            zh: { summary: '为一位独自在家、情绪焦虑的居民请来心理咨询师和医生进行疏导。' },
            en: { summary: 'Brought in a counsellor and a doctor for an anxious resident who was at home alone.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '郭妍菊',
          roleTitle: '网格员',
          citation:
            '兴安苑社区（南寨街道）的网格员。疫情期间，郭妍菊留意到一位独自在家的居民焦虑不安，马上请来心理咨询师和医生帮忙疏导，让居民在困难时期有熟悉的人可以依靠。',
        },
        en: {
          fullName: 'Guo Yanju',
          roleTitle: 'grid worker',
          citation:
            "Grid worker in Xing'anyuan Community, Nanzhai Subdistrict. During the lockdown Guo Yanju noticed that a resident at home alone was anxious and at once brought in a counsellor and a doctor, so that the resident had a familiar person to turn to.",
        },
      },
    },
    {
      key: 'p-sun-lihua',
      slug: 'sun-lihua',
      kind: 'grid-worker',
      unit: 'u-xinhuaxi',
      dutyRoles: ['home-visit'],
      consent: 'consented',
      deeds: [
        {
          date: YEAR_2022,
          precision: 'year',
          report: R_GRID,
          text: {
            zh: { summary: '带领医务人员逐户上门为居民采样。' },
            en: { summary: 'Led medical staff from door to door to test residents at home.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '孙丽花',
          roleTitle: '网格员',
          citation:
            '新华西社区（南寨街道）的网格员。全员核酸检测期间，孙丽花领着入户小分队的医务人员穿行在各栋楼之间，一户一户上门采样；穿着防护服爬楼，冬天里也常常一身汗。',
        },
        en: {
          fullName: 'Sun Lihua',
          roleTitle: 'grid worker',
          citation:
            'Grid worker in Xinhuaxi Community, Nanzhai Subdistrict. During mass testing Sun Lihua guided the medical staff of a home-sampling team from building to building and door to door, climbing stairs in a protective suit and sweating even in winter.',
        },
      },
    },
    {
      key: 'p-gu-lina',
      slug: 'gu-lina',
      kind: 'grid-worker',
      unit: 'u-sheying',
      dutyRoles: ['site-organising', 'information'],
      consent: 'consented',
      deeds: [
        {
          date: YEAR_2022,
          precision: 'year',
          report: R_GRID,
          text: {
            zh: { summary: '提议把信息登记前移到排队队伍中，加快了核酸采样。' },
            en: { summary: 'Proposed registering people while they queued, which sped up sampling.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '古丽娜',
          roleTitle: '网格员',
          citation:
            '摄影社区（柴村街道）的网格员。古丽娜发现检测点的信息录入太慢，建议检测台只留一人录入，其余录入员到候检队伍里逐个登记，采样效率因此大为提高。',
        },
        en: {
          fullName: 'Gu Lina',
          roleTitle: 'grid worker',
          citation:
            'Grid worker in Sheying Community, Chaicun Subdistrict. Seeing that data entry was the bottleneck at the testing site, Gu Lina suggested keeping one clerk at the desk and sending the others along the queue to register people in advance, which made sampling much faster.',
        },
      },
    },
    {
      key: 'p-zhou-hong',
      slug: 'zhou-hong',
      kind: 'grid-worker',
      unit: 'u-qinglou',
      dutyRoles: ['special-needs'],
      consent: 'consented',
      deeds: [
        {
          date: YEAR_2022,
          precision: 'year',
          report: R_GRID,
          text: {
            zh: { summary: '经特批，深夜护送一位居民去照顾独自生活的母亲。' },
            en: { summary: 'With special approval, took a resident at night to care for a mother living alone.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '周红',
          roleTitle: '网格员',
          citation:
            '青楼社区（迎新街街道）的网格员。一位居民急需去照顾独自生活的老母亲，周红马上向上反映；区防疫指挥部特批后，周红和同事在半夜把这位居民送了过去。',
        },
        en: {
          fullName: 'Zhou Hong',
          roleTitle: 'grid worker',
          citation:
            "Grid worker in Qinglou Community, Yingxinjie Subdistrict. When a resident urgently needed to look after an elderly mother living alone, Zhou Hong reported it at once; after the district's epidemic command gave special approval, Zhou Hong and colleagues took the resident there in the middle of the night.",
        },
      },
    },
    {
      key: 'p-liang-wenjin',
      slug: 'liang-wenjin',
      kind: 'grid-worker',
      unit: 'u-youshanmeijun',
      dutyRoles: ['service', 'errands'],
      consent: 'consented',
      deeds: [
        {
          date: YEAR_2022,
          precision: 'year',
          report: R_GRID,
          text: {
            zh: { summary: '为需外出参加防疫工作的居民核实情况、帮忙开具证明。' },
            en: { summary: 'Checked the case of residents who had to go out for epidemic work and helped them get their papers.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '梁文晋',
          roleTitle: '网格员',
          citation:
            '优山美郡社区（柴村街道）的网格员。得知有居民因为参加防疫工作不得不外出，梁文晋马上核实情况，并帮对方办好了所需的证明。',
        },
        en: {
          fullName: 'Liang Wenjin',
          roleTitle: 'grid worker',
          citation:
            'Grid worker in Youshan Meijun Community, Chaicun Subdistrict. Learning that residents had to leave home for epidemic work, Liang Wenjin checked their situation straight away and helped them obtain the papers they needed.',
        },
      },
    },
    {
      key: 'p-hou-huixian',
      slug: 'hou-huixian',
      kind: 'grid-worker',
      unit: 'u-yiheyuan',
      dutyRoles: ['supplies'],
      consent: 'consented',
      deeds: [
        {
          date: YEAR_2022,
          precision: 'year',
          report: R_GRID,
          text: {
            zh: { summary: '联系周边菜店，为居民配送新鲜果蔬到家门口。' },
            en: { summary: 'Arranged fresh vegetables and fruit with nearby shops and delivered them to residents\' doors.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '侯慧仙',
          roleTitle: '网格员',
          citation:
            '怡和园小区（属南固碾社区）的网格员。为了让居民买到新鲜又实惠的蔬菜水果，她主动联系小区附近的菜店，按居民的需要打包，运到社区门口后再挨家送上门。',
        },
        en: {
          fullName: 'Hou Huixian',
          roleTitle: 'grid worker',
          citation:
            'Grid worker at Yiheyuan Estate in Nangunian Community. So that residents could get fresh, affordable vegetables and fruit, she arranged orders with nearby shops, had them packed to residents\' wishes and brought to the community gate, then delivered them door to door.',
        },
      },
    },

    // Police (second report): acting in their official role
    {
      key: 'p-dong-bo',
      slug: 'dong-bo',
      kind: 'police',
      unit: 'u-police-bureau',
      dutyRoles: ['command'],
      consent: 'public-duty',
      deeds: [
        {
          date: '2022-02-23',
          precision: 'day',
          report: R_POLICE,
          text: {
            zh: { summary: '出任分局联勤联控分指挥部总指挥，带领全局转入战时状态。' },
            en: { summary: "Took charge of the bureau's joint command centre and put the bureau on a wartime footing." },
          },
        },
        {
          date: '2022-02-24',
          precision: 'day',
          report: R_POLICE,
          text: {
            zh: { summary: '在现场指挥六十六中师生转运。' },
            en: { summary: 'Commanded on site as the students and staff of School No. 66 were moved to quarantine.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '董波',
          roleTitle: '局长',
          citation:
            '公安尖草坪分局局长。2月23日起，董波担任分局联勤联控分指挥部总指挥，在一线指挥防控；2月24日六十六中师生转运时，亲临现场坐镇。',
        },
        en: {
          fullName: 'Dong Bo',
          roleTitle: 'bureau chief',
          citation:
            "Chief of the Jiancaoping Public Security Sub-bureau. From 23 February Dong Bo headed the bureau's joint epidemic command and led from the front line; on 24 February he was on site as School No. 66 was moved into quarantine.",
        },
      },
    },
    {
      key: 'p-wang-chenggong',
      slug: 'wang-chenggong',
      kind: 'police',
      unit: 'u-police-bureau',
      dutyRoles: ['command'],
      consent: 'public-duty',
      deeds: [
        {
          date: '2022-02-23',
          precision: 'day',
          report: R_POLICE,
          text: {
            zh: { summary: '坐镇指挥中心，负责全局防控的值班调度。' },
            en: { summary: "Ran the bureau's operations from the command centre." },
          },
        },
        {
          date: '2022-02-24',
          precision: 'day',
          report: R_POLICE,
          text: {
            zh: { summary: '全程调度师生转运，确定路线、联系隔离酒店。' },
            en: { summary: 'Coordinated the school transfer from start to finish, fixing the route and arranging quarantine hotels.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '王承公',
          roleTitle: '政委',
          citation:
            '公安尖草坪分局政委。战时状态下，王承公坐镇指挥中心负责调度；六十六中师生转运当天全程统筹，一边敲定路线，一边落实隔离酒店。',
        },
        en: {
          fullName: 'Wang Chenggong',
          roleTitle: 'political commissar',
          citation:
            'Political commissar of the Jiancaoping Public Security Sub-bureau. On the wartime footing Wang Chenggong directed operations from the command centre, and on the day School No. 66 was moved he coordinated the whole transfer, settling the route and the quarantine hotels.',
        },
      },
    },
    {
      key: 'p-peng-lei',
      slug: 'peng-lei',
      kind: 'police',
      unit: 'u-ps-nanzhai',
      dutyRoles: ['transfer'],
      consent: 'public-duty',
      deeds: [
        {
          // The seed tells the transfer right after "24日": dated 24 February.
          date: '2022-02-24',
          precision: 'day',
          report: R_POLICE,
          text: {
            zh: { summary: '带领南寨派出所民警协助转运六十六中师生。' },
            en: { summary: 'Led Nanzhai Police Station in helping move the students and staff of School No. 66.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '彭磊',
          roleTitle: '所长',
          citation:
            '南寨派出所所长。2月24日，彭磊带着所里的民警协助防疫部门转运六十六中师生，从消杀检测、疏导车辆到安抚情绪，每个环节都做得很细。',
        },
        en: {
          fullName: 'Peng Lei',
          roleTitle: 'station chief',
          citation:
            'Chief of Nanzhai Police Station. On 24 February Peng Lei led the station\'s officers in helping the health authorities move the students and staff of School No. 66, taking care over every step from disinfection and traffic control to reassuring people.',
        },
      },
    },
    {
      // The seed does not name Zheng Rongchang's station or brigade: filed under the bureau.
      key: 'p-zheng-rongchang',
      slug: 'zheng-rongchang',
      kind: 'police',
      unit: 'u-police-bureau',
      dutyRoles: ['service'],
      consent: 'public-duty',
      deeds: [
        {
          date: '2022-02-26',
          precision: 'day',
          report: R_POLICE,
          text: {
            zh: { summary: '请示后做好防护，为一位受了外伤的老人买来消炎药并送到手上。' },
            en: { summary: 'With permission and in protective gear, bought anti-inflammatory medicine for an injured elderly man and handed it to him.' },
          },
        },
      ],
      quotes: [
        {
          saidOn: '2022-02-26',
          report: R_POLICE,
          text: {
            zh: {
              text: '也是您的孩子',
              context: '送药时，郑荣昶告诉老人，自己是警察，同时也是老人家的孩子。',
            },
            en: {
              text: "…and I'm your child, too.",
              context: 'Handing over the medicine, Zheng Rongchang told the old man that he was a police officer but also like a child of his.',
            },
          },
        },
      ],
      text: {
        zh: {
          fullName: '郑荣昶',
          roleTitle: '民警',
          citation:
            '尖草坪公安民警。2月26日刮着大风，郑荣昶看到一位受了外伤的老人在社区门口想买消炎药，请示之后做好防护，替老人把药买来送到手上。',
        },
        en: {
          fullName: 'Zheng Rongchang',
          roleTitle: 'police officer',
          citation:
            'Police officer in Jiancaoping. On a windy 26 February Zheng Rongchang met an injured elderly man at a community gate who needed anti-inflammatory medicine, and, with permission and in protective gear, bought it and brought it to him.',
        },
      },
    },
    {
      key: 'p-dong-zhenhua',
      slug: 'dong-zhenhua',
      kind: 'police',
      unit: 'u-ps-yingxinjie',
      dutyRoles: ['service'],
      consent: 'public-duty',
      deeds: [
        {
          date: '2022-02-28',
          precision: 'day',
          report: R_POLICE,
          text: {
            zh: { summary: '取到区内买不到的药，全副防护送进封控区。' },
            en: { summary: 'Fetched a medicine unavailable in the district and brought it into the sealed zone in full protective gear.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '董振华',
          roleTitle: '民警',
          citation:
            '迎新街派出所民警。2月28日，一位群众的儿子生病，所需的药在区内买不到，董振华联系到药源并取药后，全副防护进入封控区送药上门。',
        },
        en: {
          fullName: 'Dong Zhenhua',
          roleTitle: 'police officer',
          citation:
            "Police officer at Yingxinjie Police Station. On 28 February a resident's son fell ill and needed a medicine that could not be found in the district; Dong Zhenhua tracked it down, collected it and, in full protective gear, took it into the sealed zone.",
        },
      },
    },
    {
      key: 'p-jia-genfu',
      slug: 'jia-genfu',
      kind: 'police',
      unit: 'u-ps-nanzhai',
      dutyRoles: ['service'],
      consent: 'public-duty',
      deeds: [
        {
          date: '2022-03-01',
          precision: 'day',
          report: R_POLICE,
          text: {
            zh: { summary: '赶到南寨村，为被困的送货司机送去热水、食物和日用品。' },
            en: { summary: 'Went to Nanzhai Village and brought hot water, food and essentials to a stranded delivery driver.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '贾根富',
          roleTitle: '副所长',
          citation:
            '南寨派出所副所长。3月1日接警后，贾根富赶到南寨村，为一名自2月24日起被困在村里、车上断了吃喝的送货司机送去热水、食物和日用品，并稳住了对方的情绪。',
        },
        en: {
          fullName: 'Jia Genfu',
          roleTitle: 'deputy station chief',
          citation:
            'Deputy chief of Nanzhai Police Station. Answering a call on 1 March, Jia Genfu went to Nanzhai Village, where a delivery driver had been stranded since 24 February with nothing left to eat or drink, calmed the driver and brought hot water, food and essentials.',
        },
      },
    },
    {
      key: 'p-zheng-binfeng',
      slug: 'zheng-binfeng',
      kind: 'police',
      unit: 'u-legal-brigade',
      // The seed tells of his long hours but not of a specific duty.
      dutyRoles: [],
      consent: 'public-duty',
      deeds: [
        {
          date: YEAR_2022,
          precision: 'year',
          report: R_POLICE,
          text: {
            zh: { summary: '与妻子分处管控区内外，连日加班坚守岗位。' },
            en: { summary: 'Worked long days, he and his wife on opposite sides of the controlled-zone line.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '郑斌峰',
          roleTitle: '民警',
          citation: '分局法制大队民警，和在南寨派出所工作的郭瑛是一对警察夫妻。防控期间，夫妻俩分处管控区内外，连日加班，毫无怨言。',
        },
        en: {
          fullName: 'Zheng Binfeng',
          roleTitle: 'police officer',
          citation:
            "Officer of the bureau's Legal Affairs Brigade, married to Guo Ying of Nanzhai Police Station. Through the lockdown the couple worked on opposite sides of the controlled-zone line, putting in long days without complaint.",
        },
      },
    },
    {
      key: 'p-guo-ying',
      slug: 'guo-ying',
      kind: 'police',
      unit: 'u-ps-nanzhai',
      // Her post (household registration) is given, not a specific epidemic duty.
      dutyRoles: [],
      consent: 'public-duty',
      deeds: [
        {
          date: YEAR_2022,
          precision: 'year',
          report: R_POLICE,
          text: {
            zh: { summary: '与丈夫分处管控区内外，连续加班没有怨言。' },
            en: { summary: 'Worked long days without complaint, she and her husband on opposite sides of the controlled-zone line.' },
          },
        },
      ],
      quotes: [
        {
          report: R_POLICE,
          text: {
            zh: {
              text: '不辱使命，不负忠诚',
              context: '谈到自己和丈夫时，郭瑛说两人既是夫妻又是战友，既然当了警察，就要扛起这份责任。',
            },
            en: {
              text: 'Live up to the mission, stay true to our loyalty.',
              context: 'Speaking of her husband and herself, Guo Ying said they were comrades as well as spouses, and that being police officers meant shouldering the duty.',
            },
          },
        },
      ],
      text: {
        zh: {
          fullName: '郭瑛',
          roleTitle: '户籍内勤',
          citation: '南寨派出所负责户籍的内勤民警，丈夫郑斌峰在分局法制大队工作。防控期间，夫妻俩一人在管控区里、一人在外面，连续加班没有一句怨言。',
        },
        en: {
          fullName: 'Guo Ying',
          roleTitle: 'household registration officer',
          citation:
            'Household registration officer at Nanzhai Police Station, married to Zheng Binfeng of the Legal Affairs Brigade. Through the lockdown one of them worked inside the controlled zone and the other outside, day after day, without a word of complaint.',
        },
      },
    },
    {
      key: 'p-jin-bin',
      slug: 'jin-bin',
      kind: 'police',
      unit: 'u-police-bureau',
      dutyRoles: ['command'],
      consent: 'public-duty',
      deeds: [
        {
          date: '2022-02-23',
          precision: 'day',
          report: R_POLICE,
          text: {
            zh: { summary: '从2月23日起24小时保障指挥调度，确保会议、指令和部署都能即时落实。' },
            en: { summary: 'From 23 February kept the command running around the clock, so that meetings, orders and deployments could happen at any moment.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '靳彬',
          roleTitle: '指挥室主任',
          citation:
            '分局指挥室主任。自2月23日起，分局上下24小时待命，靳彬负责让调度会议随时能开、命令随时能发、部署随时落地。他的妻子是医务人员，同样在抗疫一线。',
        },
        en: {
          fullName: 'Jin Bin',
          roleTitle: 'head of the command room',
          citation:
            "Head of the sub-bureau's command room. From 23 February, with the whole bureau on 24-hour standby, Jin Bin made sure briefings could be called, orders issued and deployments carried out at any moment. His wife, a medical worker, was on the front line too.",
        },
      },
    },
    {
      // The seed does not name his station or brigade: filed under the bureau.
      key: 'p-wang-quanbao',
      slug: 'wang-quanbao',
      kind: 'police',
      unit: 'u-police-bureau',
      dutyRoles: ['site-organising'],
      consent: 'public-duty',
      deeds: [
        {
          date: '2022-02-24',
          precision: 'day',
          report: R_POLICE,
          text: {
            zh: { summary: '接到紧急通知后吃住在单位随时待命，深夜仍在指挥群众做核酸。' },
            en: { summary: 'After the emergency call-up lived at the bureau on standby, and was still directing residents at a testing site after 1 a.m.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '王全保',
          roleTitle: '民警',
          citation:
            '临近退休的老民警。自2月24日收到紧急通知，王全保吃住都在单位，随时待命；凌晨一点多，还有人看到他在指挥群众做核酸。',
        },
        en: {
          fullName: 'Wang Quanbao',
          roleTitle: 'police officer',
          citation:
            'A veteran officer close to retirement. From the emergency call-up on 24 February Wang Quanbao ate and slept at the bureau, ready for orders; after 1 a.m. he could still be seen directing residents through testing.',
        },
      },
    },
    {
      key: 'p-zhang-yanqin',
      slug: 'zhang-yanqin',
      kind: 'police',
      unit: 'u-ps-gucheng',
      dutyRoles: ['security', 'site-organising'],
      consent: 'public-duty',
      privateNotes:
        '报道另提到：单亲母亲，孩子11岁；身患多种慢性疾病。仅供编辑部内部了解，任何公开文本都不得使用。 / The report also mentions that she is a single mother of an 11-year-old and lives with several chronic illnesses. Internal only: never in public text.',
      deeds: [
        {
          date: '2022-02-26',
          precision: 'day',
          report: R_POLICE,
          text: {
            zh: { summary: '2月26日夜里仍在岗位上，家就在桥对面也没有回去。' },
            en: { summary: 'Still on duty late on 26 February, with her home just across the bridge.' },
          },
        },
        {
          date: YEAR_2022,
          precision: 'year',
          report: R_POLICE,
          text: {
            zh: { summary: '先后在高速卡口、封控区和核酸采样点执勤。' },
            en: { summary: 'Served at motorway checkpoints, in the sealed zone and at testing sites.' },
          },
        },
      ],
      quotes: [
        {
          saidOn: '2022-02-26',
          report: R_POLICE,
          text: {
            zh: {
              text: '我回不了家',
              context: '2月26日夜里11点，张燕琴望着桥对岸的家说，为了战疫和肩上的责任，家近在眼前也回不去。',
            },
            en: {
              text: "I can't go home.",
              context: 'At 11 p.m. on 26 February, looking at her home across the bridge, Zhang Yanqin said that duty kept her from a home she could almost touch.',
            },
          },
        },
      ],
      text: {
        zh: {
          fullName: '张燕琴',
          roleTitle: '民警',
          citation:
            '古城派出所民警，参加工作已有22年。从高速卡口到封控区，再到核酸采样点，处处都能看到她。2月26日夜里，她在岗位上望着桥对岸的家，却因为职责不能回去。',
        },
        en: {
          fullName: 'Zhang Yanqin',
          roleTitle: 'police officer',
          citation:
            'Police officer at Gucheng Police Station, 22 years in the service. She worked at motorway checkpoints, in the sealed zone and at testing sites. Late on 26 February, on duty, she could see her home across the bridge but could not go back.',
        },
      },
    },
    {
      key: 'p-cao-yong',
      slug: 'cao-yong',
      kind: 'police',
      unit: 'u-legal-brigade',
      dutyRoles: ['security'],
      consent: 'public-duty',
      privateNotes:
        '报道提到他的孩子刚满月。属家庭信息，不公开。 / The report mentions that his baby was a month old. Family detail: internal only.',
      deeds: [
        {
          date: YEAR_2022,
          precision: 'year',
          report: R_POLICE,
          text: {
            zh: { summary: '守卫隔离酒店，并在临时党支部重温入党誓词。' },
            en: { summary: "Guarded a quarantine hotel and renewed his Party oath in the hotel security team's temporary Party branch." },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '曹勇',
          roleTitle: '民警',
          citation:
            '分局法制大队民警，防控期间被派到隔离酒店做安保。在分局为隔离酒店安保工作成立的临时党支部里，他面对党旗重温了入党誓词。',
        },
        en: {
          fullName: 'Cao Yong',
          roleTitle: 'police officer',
          citation:
            "Officer of the bureau's Legal Affairs Brigade, assigned to security at a quarantine hotel. In the temporary Party branch set up for hotel security he renewed his Party oath before the flag.",
        },
      },
    },

    // Medical: mentioned only as Jin Bin's wife, so anonymised (public pages show 赵某).
    // Her employer is not named in the seed; she worked in a community of the district, so
    // her unit is the district itself.
    {
      key: 'p-zhao-ning',
      slug: 'zhao-ning',
      kind: 'medical',
      unit: 'u-jiancaoping',
      dutyRoles: ['sampling'],
      consent: 'anonymised',
      privateNotes: '真实姓名只在后台保存，公开页面按“赵某”显示。报道中她是指挥室主任靳彬的妻子。 / Real name kept in the admin only; wife of Jin Bin.',
      deeds: [
        {
          date: YEAR_2022,
          precision: 'year',
          report: R_POLICE,
          text: {
            zh: { summary: '被抽调到社区采集核酸样本，每天工作10小时以上。' },
            en: { summary: 'Seconded to a community to collect PCR samples, working more than 10 hours a day.' },
          },
        },
      ],
      // The seed quotes her, but the quote would tie her to her husband: left out.
      quotes: [],
      text: {
        zh: {
          fullName: '赵宁',
          roleTitle: '医务人员',
          citation: '一名医务人员。疫情期间，她被所在单位派往社区采集核酸样本，每天工作10小时以上。',
        },
        en: {
          fullName: 'Zhao Ning',
          roleTitle: 'medical staff',
          citation: 'A medical worker. During the outbreak her employer seconded her to a community to collect PCR samples, and she worked more than 10 hours a day.',
        },
      },
    },

    // Community official (third report), known only by surname and title
    {
      key: 'p-han-zhuren',
      slug: 'han-zhuren',
      kind: 'official',
      unit: 'u-207suo',
      dutyRoles: ['special-needs'],
      consent: 'public-duty',
      deeds: [
        {
          date: '2022-03-05',
          precision: 'day',
          report: R_BRIEF,
          text: {
            zh: { summary: '防控部门电话打不通，转而向街道报告一名无处落脚的黄码护工的情况。' },
            en: { summary: 'Unable to reach the epidemic-control hotline, reported the case of a caregiver with a yellow code and nowhere to stay to the subdistrict.' },
          },
        },
      ],
      quotes: [],
      text: {
        zh: {
          fullName: '韩主任',
          roleTitle: '社区主任',
          citation:
            '207所社区主任（报道只写了姓氏）。3月5日，一名健康码变黄、无处可去的外地护工向社区求助，韩主任打防控部门电话不通，便向街道报告；社区几次上报后，当晚为他争取到了集中隔离。',
        },
        en: {
          fullName: 'Director Han',
          roleTitle: 'community director',
          citation:
            'Director of 207 Suo Community (the brief gives only the surname). On 5 March, when a caregiver with a yellow health code and nowhere to go asked the community for help, Director Han could not reach the epidemic-control hotline and reported to the subdistrict; after the community reported again, centralised quarantine was approved that evening.',
        },
      },
    },
  ],

  // ---------------------------------------------------------------------------------------
  // Chronicle
  // ---------------------------------------------------------------------------------------
  chronicles: [
    {
      key: CH_POLICE,
      slug: 'gongan-jiancaoping-fenju-kangyi',
      subjectUnit: 'u-police-bureau',
      periodStart: '2022-02-23',
      periodEnd: '2022-03-06',
      text: {
        zh: {
          title: '公安尖草坪分局抗疫行动纪实',
          summary:
            '2022年2月23日到3月6日，公安尖草坪分局全警投入疫情防控：从发现确诊病例到过六十六中、转运1144名师生，到划网布警、外围设卡，直到全区四轮全域检测均为阴性、健康码转绿。',
          body: [
            '这份纪实按日期整理了分局在这次疫情中的主要行动，依据的是本报的现场报道。',
            '- **2月23日**：确诊病例到过六十六中的消息传来，分局转入战时状态，成立分指挥部和17个工作组。',
            '- **2月24日**：区内确认首例阳性感染者；中午前后，六十六中的师生共1144人已全部住进隔离酒店。',
            '- **2月25日—3月1日**：300名警力集结迎新街一带；按小区和村划分网格布警，外围17个路口设卡；民警为群众买药、送药，救助被困司机。',
            '- **3月6日**：四轮全域核酸检测全部阴性，居民的健康码陆续变绿。',
          ].join('\n'),
        },
        en: {
          title: 'Jiancaoping police sub-bureau: the epidemic operation',
          summary:
            'From 23 February to 6 March 2022 the whole Jiancaoping Public Security Sub-bureau worked on epidemic control: from the news that a confirmed case had visited School No. 66 and the transfer of 1,144 students and staff, through grid policing and checkpoints on the district\'s edge, to four negative rounds of district-wide testing and green health codes.',
          body: [
            "This chronicle arranges the sub-bureau's main actions during the outbreak by date, from the paper's reporting.",
            '- **23 February**: news that a confirmed case had visited School No. 66; the bureau goes onto a wartime footing with a command centre and 17 working groups.',
            "- **24 February**: the district's first positive case; by around noon all 1,144 students and staff of School No. 66 are in quarantine hotels.",
            '- **25 February – 1 March**: 300 officers gather in the Yingxinjie area; estates and villages are policed as grids and 17 junctions on the edge are controlled; officers buy and deliver medicine and help a stranded driver.',
            '- **6 March**: four rounds of district-wide testing are all negative and health codes turn green.',
          ].join('\n'),
        },
      },
    },
  ],

  // ---------------------------------------------------------------------------------------
  // Events. Dates without a clock time: precision 'day' at local midnight (+08:00).
  // The grid-worker feature gives no dates, so it has no events.
  // ---------------------------------------------------------------------------------------
  events: [
    {
      key: 'e-0223-case-school',
      slug: '2022-02-23-case-visited-school',
      occurredAt: '2022-02-23T00:00:00+08:00',
      precision: 'day',
      approximate: false,
      importance: 4,
      units: ['u-school-66'],
      actors: [],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: [],
      text: {
        zh: {
          title: '发现确诊病例曾到过六十六中',
          description: '主动检测显示，一名忻州的确诊病例此前进过太原市第六十六中学，在校内停了10分钟便离开。',
          place: '太原市第六十六中学',
        },
        en: {
          title: 'A confirmed case is found to have visited School No. 66',
          description: 'Proactive testing showed that a confirmed case from Xinzhou had spent 10 minutes at Taiyuan No. 66 Middle School before leaving.',
          place: 'Taiyuan No. 66 Middle School',
        },
      },
    },
    {
      key: 'e-0223-wartime-footing',
      slug: '2022-02-23-wartime-footing',
      occurredAt: '2022-02-23T00:00:00+08:00',
      precision: 'day',
      approximate: false,
      importance: 5,
      units: ['u-police-bureau'],
      actors: ['p-dong-bo', 'p-wang-chenggong', 'p-jin-bin'],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: ['s-working-groups'],
      text: {
        zh: {
          title: '分局转入战时状态',
          description:
            '分局党委随即部署，全局转入战时状态。局长董波任联勤联控分指挥部总指挥，下设的17个工作组同时运转，王承公政委坐镇指挥中心；分局还成立了两个临时党支部。',
          place: '公安尖草坪分局',
        },
        en: {
          title: 'The sub-bureau goes onto a wartime footing',
          description:
            "The bureau's Party committee put the whole bureau on a wartime footing. Bureau chief Dong Bo headed a joint command centre with 17 working groups running in parallel, political commissar Wang Chenggong directed from the command centre, and two temporary Party branches were formed.",
          place: 'Jiancaoping Public Security Sub-bureau',
        },
      },
    },
    {
      key: 'e-0223-all-out-deployment',
      slug: '2022-02-23-all-out-deployment',
      occurredAt: '2022-02-23T00:00:00+08:00',
      endAt: '2022-03-06T00:00:00+08:00',
      precision: 'day',
      approximate: false,
      importance: 3,
      units: ['u-police-bureau'],
      actors: [],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: ['s-police-deployments', 's-police-vehicle-deployments'],
      text: {
        zh: {
          title: '全警投入防控',
          description: '从2月23日到3月6日，分局民警辅警全天候坚守，共投入警车900余辆次、警力4800余人次。',
          place: '尖草坪区',
        },
        en: {
          title: 'All officers deployed',
          description:
            'From 23 February to 6 March officers and auxiliaries were on duty around the clock: more than 900 vehicle deployments and more than 4,800 officer deployments.',
          place: 'Jiancaoping District',
        },
      },
    },
    {
      key: 'e-0224-first-case',
      slug: '2022-02-24-first-positive-case',
      occurredAt: '2022-02-24T00:00:00+08:00',
      precision: 'day',
      approximate: false,
      importance: 5,
      units: ['u-jiancaoping'],
      actors: [],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: [],
      text: {
        zh: {
          title: '尖草坪区确认首例阳性感染者',
          description: '区内确认了首例阳性感染者，防控随之全面升级。',
          place: '尖草坪区',
        },
        en: {
          title: "Jiancaoping's first positive case",
          description: 'The district confirmed its first positive case, and epidemic control stepped up everywhere.',
          place: 'Jiancaoping District',
        },
      },
    },
    {
      // The seed tells the transfer after the "24日" paragraph without its own date; the demo
      // dates it 24 February. "中午12时左右" → 12:00, precision hour, approximate.
      key: 'e-0224-school-transfer',
      slug: '2022-02-24-school-transfer',
      occurredAt: '2022-02-24T12:00:00+08:00',
      precision: 'hour',
      approximate: true,
      importance: 4,
      units: ['u-school-66', 'u-ps-nanzhai', 'u-police-bureau'],
      actors: ['p-peng-lei', 'p-dong-bo', 'p-wang-chenggong'],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: ['s-people-transferred', 's-escort-officers'],
      text: {
        zh: {
          title: '1144名师生转入隔离酒店',
          description:
            '所长彭磊带着南寨派出所民警协助转运；董波亲临现场，王承公负责全程调度，60余名民警随车护送。中午12时前后，六十六中的师生已全部住进指定的隔离酒店。',
          place: '六十六中至指定隔离酒店',
        },
        en: {
          title: '1,144 students and staff moved to quarantine hotels',
          description:
            'Station chief Peng Lei led Nanzhai officers in the transfer; Dong Bo was on site, Wang Chenggong coordinated throughout and more than 60 officers escorted the convoy. By around noon all students and staff of School No. 66 were in the designated hotels.',
          place: 'School No. 66 to the designated quarantine hotels',
        },
      },
    },
    {
      key: 'e-0224-veteran-on-call',
      slug: '2022-02-24-veteran-on-call',
      occurredAt: '2022-02-24T00:00:00+08:00',
      precision: 'day',
      approximate: false,
      importance: 2,
      units: ['u-police-bureau'],
      actors: ['p-wang-quanbao'],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: [],
      text: {
        zh: {
          title: '老民警王全保吃住在单位',
          description: '临近退休的王全保收到紧急通知后，吃住都在单位，随时待命。',
          place: '公安尖草坪分局',
        },
        en: {
          title: 'Veteran officer Wang Quanbao moves into the bureau',
          description: 'After the emergency call-up, Wang Quanbao, close to retirement, ate and slept at the bureau, ready for orders.',
          place: 'Jiancaoping Public Security Sub-bureau',
        },
      },
    },
    {
      // "清晨" → part-of-day, early morning (05–08 in the glossary), starting 05:00.
      key: 'e-0225-police-assemble',
      slug: '2022-02-25-police-assemble-yingxinjie',
      occurredAt: '2022-02-25T05:00:00+08:00',
      precision: 'part-of-day',
      approximate: false,
      importance: 4,
      units: ['u-police-bureau', 'u-yingxinjie', 'u-ps-nanzhai', 'u-ps-yingxinjie'],
      actors: [],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: ['s-police-assembled'],
      text: {
        zh: {
          title: '300名警力集结迎新街',
          description:
            '清晨，分局调集300名警力赶到迎新街一带。内围的人员车辆由南寨、迎新街两个派出所管控，机关各科室的民警全部下到一线守外围。',
          place: '迎新街一带',
        },
        en: {
          title: '300 officers gather in Yingxinjie',
          description:
            'Early in the morning 300 officers gathered in the Yingxinjie area. The Nanzhai and Yingxinjie stations controlled people and vehicles inside; officers from all the bureau\'s offices held the outer line.',
          place: 'Yingxinjie area',
        },
      },
    },
    {
      key: 'e-0226-medicine-elderly',
      slug: '2022-02-26-medicine-for-elderly-man',
      occurredAt: '2022-02-26T00:00:00+08:00',
      precision: 'day',
      approximate: false,
      importance: 2,
      units: ['u-police-bureau'],
      actors: ['p-zheng-rongchang'],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: [],
      text: {
        zh: {
          title: '民警为受伤老人买药',
          description: '大风天，民警郑荣昶看到一位受了外伤的老人在社区门口来回走动，想买消炎药。请示后，郑荣昶做好防护，替老人把药买来送到手上。',
          place: '社区门口',
        },
        en: {
          title: 'An officer buys medicine for an injured old man',
          description:
            'On a windy day officer Zheng Rongchang saw an injured elderly man pacing at a community gate, wanting anti-inflammatory medicine. With permission and in protective gear, Zheng Rongchang bought it and handed it to him.',
          place: 'A community gate',
        },
      },
    },
    {
      key: 'e-0226-grids-checkpoints',
      slug: '2022-02-26-police-grids-and-checkpoints',
      occurredAt: '2022-02-26T00:00:00+08:00',
      precision: 'day',
      approximate: false,
      importance: 3,
      units: ['u-police-bureau', 'u-traffic-1', 'u-traffic-2'],
      actors: [],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: ['s-control-personnel', 's-checkpoints'],
      text: {
        zh: {
          title: '按小区划网布警，外围设卡',
          description:
            '从这天起，各小区、各村分别划为网格，每个网格由所在地的派出所包干布警。分局还和交警一、二大队组织了350余人的防控队伍（含志愿者），守住全区外围的17个重要路口。',
          place: '尖草坪区',
        },
        en: {
          title: 'Grid policing by estate, checkpoints on the edge',
          description:
            "From this day each estate and village became a grid policed by its local station. With Traffic Police Brigades No. 1 and No. 2 the bureau organised a force of more than 350, volunteers included, to control 17 key junctions on the district's edge.",
          place: 'Jiancaoping District',
        },
      },
    },
    {
      key: 'e-0226-officer-cannot-go-home',
      slug: '2022-02-26-officer-cannot-go-home',
      occurredAt: '2022-02-26T23:00:00+08:00',
      precision: 'hour',
      approximate: false,
      importance: 2,
      units: ['u-ps-gucheng'],
      actors: ['p-zhang-yanqin'],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: [],
      text: {
        zh: {
          title: '家在桥对面，民警张燕琴仍在岗',
          description: '夜里11点，古城派出所的张燕琴还在执勤，望着桥对岸近在眼前的家，却因职责回不去。',
          place: '古城派出所辖区',
        },
        en: {
          title: 'Her home across the bridge, an officer stays at her post',
          description: 'At 11 p.m. Zhang Yanqin of Gucheng Police Station was still on duty, looking at her home just across the bridge, which duty kept her from.',
          place: 'Gucheng Police Station area',
        },
      },
    },
    {
      key: 'e-0228-medicine-sealed-zone',
      slug: '2022-02-28-medicine-into-sealed-zone',
      occurredAt: '2022-02-28T00:00:00+08:00',
      precision: 'day',
      approximate: false,
      importance: 2,
      units: ['u-ps-yingxinjie'],
      actors: ['p-dong-zhenhua'],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: [],
      text: {
        zh: {
          title: '民警把药送进封控区',
          description: '迎新街派出所接到一位居民求助：儿子生病，急需的药在区内买不到。民警董振华联系到药源并取药后，全副防护进入封控区把药送到。',
          place: '封控区',
        },
        en: {
          title: 'An officer takes medicine into the sealed zone',
          description:
            "Yingxinjie Police Station was asked for help: a resident's son was ill and needed a medicine not available in the district. Officer Dong Zhenhua found it, collected it and, in full protective gear, delivered it inside the sealed zone.",
          place: 'Sealed zone',
        },
      },
    },
    {
      key: 'e-0301-stranded-driver',
      slug: '2022-03-01-stranded-driver',
      occurredAt: '2022-03-01T00:00:00+08:00',
      precision: 'day',
      approximate: false,
      importance: 2,
      units: ['u-ps-nanzhai', 'u-nanzhai-cun'],
      actors: ['p-jia-genfu'],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: [],
      text: {
        zh: {
          title: '副所长救助被困司机',
          description:
            '南寨派出所接警：一名司机2月24日送货后被困在南寨村，车上已没有吃喝。副所长贾根富赶到现场，一边稳住对方情绪，一边送去热水、食物和日用品。',
          place: '南寨村',
        },
        en: {
          title: 'Deputy station chief helps a stranded driver',
          description:
            'Nanzhai Police Station took a call: a driver who had made a delivery on 24 February was stuck in Nanzhai Village with nothing left to eat or drink. Deputy chief Jia Genfu went there, calmed the driver and brought hot water, food and essentials.',
          place: 'Nanzhai Village',
        },
      },
    },
    {
      key: 'e-0306-codes-green',
      slug: '2022-03-06-codes-turn-green',
      occurredAt: '2022-03-06T00:00:00+08:00',
      precision: 'day',
      approximate: false,
      importance: 5,
      units: ['u-jiancaoping'],
      actors: [],
      chronicle: CH_POLICE,
      report: R_POLICE,
      statistics: ['s-testing-rounds'],
      text: {
        zh: {
          title: '四轮全域核酸全部阴性，健康码转绿',
          description: '尖草坪区四轮全域核酸检测全部为阴性，不少居民的健康码黄了好些天，这天终于变回绿色。',
          place: '尖草坪区',
        },
        en: {
          title: 'Four rounds of testing negative; health codes turn green',
          description: 'All four rounds of district-wide testing in Jiancaoping were negative, and many residents saw their health codes turn green after days of yellow.',
          place: 'Jiancaoping District',
        },
      },
    },

    // The news brief's 5 March sequence (no chronicle). "中午" without a clock time:
    // part-of-day, 12:00 standing for noon.
    {
      key: 'e-0305-yellow-code',
      slug: '2022-03-05-caregiver-yellow-code',
      occurredAt: '2022-03-05T12:00:00+08:00',
      precision: 'part-of-day',
      approximate: false,
      importance: 3,
      units: ['u-coal-hospital', 'u-207suo'],
      actors: [],
      report: R_BRIEF,
      statistics: [],
      text: {
        zh: {
          title: '外地护工健康码变黄，无处可去',
          description: '省煤炭中心医院的外地护工柳师傅被判定为“时空伴随者”，健康码随之变黄。他回不了医院，也住不进宾馆，只好打电话向207所社区求助。',
          place: '省煤炭中心医院',
        },
        en: {
          title: "A caregiver's health code turns yellow, leaving him nowhere to go",
          description:
            'Mr Liu, a caregiver from outside the city at Shanxi Provincial Coal Central Hospital, was flagged as a spatiotemporal companion and his code turned yellow. Unable to return to the hospital or check into a hotel, he phoned 207 Suo Community for help.',
          place: 'Shanxi Provincial Coal Central Hospital',
        },
      },
    },
    {
      key: 'e-0305-home-quarantine-reply',
      slug: '2022-03-05-home-quarantine-reply',
      occurredAt: '2022-03-05T15:00:00+08:00',
      precision: 'hour',
      approximate: true,
      importance: 2,
      units: ['u-207suo'],
      actors: ['p-han-zhuren'],
      report: R_BRIEF,
      statistics: [],
      text: {
        zh: {
          title: '有关部门答复可居家隔离',
          description:
            '韩主任打防控部门电话未能接通，转而报告街道。有关部门了解柳师傅的身体状况和行程后，答复他可以居家隔离；可他除了医院没有住处，于是申请集中隔离，社区再次上报。',
          place: '207所社区',
        },
        en: {
          title: 'Authorities say he may quarantine at home',
          description:
            'Director Han could not get through to the epidemic-control hotline and reported to the subdistrict. Having checked his health and movements, the authorities said Mr Liu could quarantine at home; with no home but the hospital, he applied for centralised quarantine and the community reported again.',
          place: '207 Suo Community',
        },
      },
    },
    {
      key: 'e-0305-quarantine-approved',
      slug: '2022-03-05-central-quarantine-approved',
      occurredAt: '2022-03-05T18:00:00+08:00',
      precision: 'hour',
      approximate: false,
      importance: 3,
      units: ['u-207suo'],
      actors: [],
      report: R_BRIEF,
      statistics: [],
      text: {
        zh: {
          title: '集中隔离申请获特批',
          description: '社区接到通知，柳师傅的集中隔离申请已经获得特批。',
          place: '207所社区',
        },
        en: {
          title: 'Centralised quarantine specially approved',
          description: "The community was told that Mr Liu's application for centralised quarantine had been specially approved.",
          place: '207 Suo Community',
        },
      },
    },
    {
      key: 'e-0305-ambulance',
      slug: '2022-03-05-ambulance-pickup',
      occurredAt: '2022-03-05T21:00:00+08:00',
      precision: 'hour',
      approximate: false,
      importance: 2,
      units: ['u-207suo'],
      actors: [],
      report: R_BRIEF,
      statistics: [],
      text: {
        zh: {
          title: '急救车接走柳师傅',
          description: '急救车来到社区，接走了柳师傅。',
          place: '207所社区',
        },
        en: {
          title: 'An ambulance picks up Mr Liu',
          description: 'An ambulance arrived at the community and took Mr Liu away.',
          place: '207 Suo Community',
        },
      },
    },
  ],

  // ---------------------------------------------------------------------------------------
  // Statistics: every figure the seed reports about grids and units, none invented.
  // `additive` = may the figure be summed up the unit tree:
  // - true only for per-subdistrict counts of disjoint groups (grid workers of Xincheng and
  //   Huifeng, Nanzhai's video calls): summing them into the district is meaningful;
  // - false for district-wide totals (summing sub-unit figures into them would double
  //   count), for the bureau's totals (they already include its stations and brigades) and
  //   for one-day snapshots (people moved, officers assembled) that are not running counts.
  // The grid-worker feature gives no dates, so its figures have no period or asOf.
  // ---------------------------------------------------------------------------------------
  statistics: [
    // From the grid-worker feature
    {
      key: 's-grid-workers-district',
      slug: 'jiancaoping-qu-grid-workers',
      metric: 'grid-workers',
      value: 1000,
      qualifier: 'more-than',
      countUnit: '名',
      scopeUnit: 'u-jiancaoping',
      report: R_GRID,
      additive: false, // district-wide total: includes the subdistricts' grid workers
      text: { zh: { label: '参与防疫的网格员' }, en: { label: 'grid workers in epidemic work' } },
    },
    {
      key: 's-party-organisations',
      slug: 'jiancaoping-qu-party-organisations',
      metric: 'party-organisations',
      value: 893,
      qualifier: 'exact',
      countUnit: '个',
      scopeUnit: 'u-jiancaoping',
      report: R_GRID,
      additive: false, // district-wide total
      text: { zh: { label: '建在网格上的党组织' }, en: { label: 'Party organisations set up on the grids' } },
    },
    {
      key: 's-video-calls-nanzhai',
      slug: 'nanzhai-jiedao-video-calls',
      metric: 'video-calls',
      value: 100000,
      qualifier: 'more-than',
      countUnit: '次',
      scopeUnit: 'u-nanzhai',
      report: R_GRID,
      additive: true, // calls made by one subdistrict's grid workers: sums up to the district
      text: { zh: { label: '网格员与居民的视频通话' }, en: { label: 'video calls with residents' } },
    },
    {
      key: 's-grid-workers-xincheng',
      slug: 'xincheng-jiedao-grid-workers',
      metric: 'grid-workers',
      value: 52,
      qualifier: 'exact',
      countUnit: '名',
      scopeUnit: 'u-xincheng',
      report: R_GRID,
      additive: true, // one subdistrict's grid workers: disjoint from other subdistricts'
      text: {
        zh: { label: '坚持每天视频走访每户居民的网格员' },
        en: { label: 'grid workers making daily video visits to every household' },
      },
    },
    {
      key: 's-grid-workers-huifeng',
      slug: 'huifeng-jiedao-grid-workers',
      metric: 'grid-workers',
      value: 149,
      qualifier: 'exact',
      countUnit: '名',
      scopeUnit: 'u-huifeng',
      report: R_GRID,
      additive: true, // one subdistrict's grid workers: disjoint from other subdistricts'
      text: {
        zh: { label: '向居民通报疫情、解释政策的网格员' },
        en: { label: 'grid workers briefing residents on the outbreak and the rules' },
      },
    },
    {
      key: 's-people-tested',
      slug: 'jiancaoping-qu-people-tested',
      metric: 'people-tested',
      value: 500000,
      qualifier: 'nearly',
      countUnit: '人',
      scopeUnit: 'u-jiancaoping',
      report: R_GRID,
      additive: false, // one round of district-wide testing
      text: { zh: { label: '一轮全员核酸检测覆盖的人数' }, en: { label: 'people covered by one round of mass testing' } },
    },
    {
      key: 's-communities',
      slug: 'jiancaoping-qu-communities',
      metric: 'communities',
      value: 77,
      qualifier: 'exact',
      countUnit: '个',
      scopeUnit: 'u-jiancaoping',
      report: R_GRID,
      additive: false, // a count of the district's own sub-units
      text: { zh: { label: '检测前先行摸排的社区' }, en: { label: 'communities whose grid workers screened households before testing' } },
    },
    {
      key: 's-home-sampling-teams',
      slug: 'jiancaoping-qu-home-sampling-teams',
      metric: 'home-sampling-teams',
      value: 132,
      qualifier: 'exact',
      countUnit: '支',
      scopeUnit: 'u-jiancaoping',
      report: R_GRID,
      additive: false, // district-wide total
      text: { zh: { label: '由网格员与医务人员组成的入户采样小分队' }, en: { label: 'home-sampling teams of grid workers and medical staff' } },
    },
    {
      key: 's-grid-workers-enterprises',
      slug: 'jiancaoping-qu-grid-workers-helping-enterprises',
      metric: 'grid-workers-helping-enterprises',
      value: 31,
      qualifier: 'exact',
      countUnit: '名',
      scopeUnit: 'u-jiancaoping',
      report: R_GRID,
      additive: false, // district-wide (the controlled zone), not split by subdistrict
      text: { zh: { label: '在管控区内为企业代办手续的网格员' }, en: { label: 'grid workers handling paperwork for enterprises in the controlled zone' } },
    },
    {
      key: 's-enterprises-helped',
      slug: 'jiancaoping-qu-enterprises-helped',
      metric: 'enterprises-helped',
      value: 9,
      qualifier: 'exact',
      countUnit: '家',
      scopeUnit: 'u-jiancaoping',
      report: R_GRID,
      additive: false, // district-wide (the controlled zone)
      text: { zh: { label: '得到网格员帮助复工复产的企业' }, en: { label: 'enterprises helped to resume work' } },
    },

    // From the police chronicle
    {
      key: 's-police-deployments',
      slug: 'gongan-jiancaoping-fenju-police-deployments',
      metric: 'police-deployments',
      value: 4800,
      qualifier: 'more-than',
      countUnit: '人次',
      scopeUnit: 'u-police-bureau',
      periodStart: '2022-02-23',
      periodEnd: '2022-03-06',
      report: R_POLICE,
      additive: false, // the bureau's total, which already includes its stations and brigades
      text: { zh: { label: '累计投入警力' }, en: { label: 'officer deployments' } },
    },
    {
      key: 's-police-vehicle-deployments',
      slug: 'gongan-jiancaoping-fenju-police-vehicle-deployments',
      metric: 'police-vehicle-deployments',
      value: 900,
      qualifier: 'more-than',
      countUnit: '辆次',
      scopeUnit: 'u-police-bureau',
      periodStart: '2022-02-23',
      periodEnd: '2022-03-06',
      report: R_POLICE,
      additive: false, // the bureau's total
      text: { zh: { label: '累计出动警车' }, en: { label: 'police vehicle deployments' } },
    },
    {
      key: 's-working-groups',
      slug: 'gongan-jiancaoping-fenju-working-groups',
      metric: 'working-groups',
      value: 17,
      qualifier: 'exact',
      countUnit: '个',
      scopeUnit: 'u-police-bureau',
      asOf: '2022-02-23',
      report: R_POLICE,
      additive: false, // the structure of one command centre
      text: { zh: { label: '分指挥部下设的工作组' }, en: { label: 'working groups of the joint command centre' } },
    },
    {
      key: 's-escort-officers',
      slug: 'gongan-jiancaoping-fenju-escort-officers',
      metric: 'escort-officers',
      value: 60,
      qualifier: 'more-than',
      countUnit: '名',
      scopeUnit: 'u-police-bureau',
      asOf: '2022-02-24', // the day the demo assigns to the transfer (see the event)
      report: R_POLICE,
      additive: false, // a one-day snapshot
      text: { zh: { label: '随车护送转运的民警' }, en: { label: 'officers escorting the school transfer' } },
    },
    {
      key: 's-people-transferred',
      slug: 'taiyuan-di-liushiliu-zhongxue-people-transferred',
      metric: 'people-transferred',
      value: 1144,
      qualifier: 'exact',
      countUnit: '名',
      scopeUnit: 'u-school-66',
      asOf: '2022-02-24',
      report: R_POLICE,
      additive: false, // a one-day snapshot
      text: { zh: { label: '转入隔离酒店的师生' }, en: { label: 'students and staff moved to quarantine hotels' } },
    },
    {
      key: 's-police-assembled',
      slug: 'gongan-jiancaoping-fenju-police-assembled',
      metric: 'police-assembled',
      value: 300,
      qualifier: 'exact',
      countUnit: '名',
      scopeUnit: 'u-police-bureau',
      asOf: '2022-02-25',
      report: R_POLICE,
      additive: false, // a one-day snapshot
      text: { zh: { label: '在迎新街一带集结的警力' }, en: { label: 'officers assembled in the Yingxinjie area' } },
    },
    {
      // "2月26日以来 … 同时": from 26 February; the seed gives no end.
      key: 's-control-personnel',
      slug: 'gongan-jiancaoping-fenju-control-personnel',
      metric: 'control-personnel',
      value: 350,
      qualifier: 'more-than',
      countUnit: '名',
      scopeUnit: 'u-police-bureau',
      periodStart: '2022-02-26',
      report: R_POLICE,
      additive: false, // a joint force (with the traffic brigades and volunteers), counted once
      text: { zh: { label: '外围路口管控力量（含志愿者）' }, en: { label: 'control personnel at the outer junctions, volunteers included' } },
    },
    {
      key: 's-checkpoints',
      slug: 'gongan-jiancaoping-fenju-checkpoints',
      metric: 'checkpoints',
      value: 17,
      qualifier: 'exact',
      countUnit: '个',
      scopeUnit: 'u-police-bureau',
      periodStart: '2022-02-26',
      report: R_POLICE,
      additive: false, // the district's outer ring, counted once
      text: { zh: { label: '管控的外围重要路口' }, en: { label: 'key junctions controlled on the district\'s edge' } },
    },
    {
      key: 's-testing-rounds',
      slug: 'jiancaoping-qu-testing-rounds',
      metric: 'testing-rounds',
      value: 4,
      qualifier: 'exact',
      countUnit: '轮',
      scopeUnit: 'u-jiancaoping',
      asOf: '2022-03-06',
      report: R_POLICE,
      additive: false, // district-wide rounds
      text: { zh: { label: '结果全部阴性的全域核酸检测' }, en: { label: 'rounds of district-wide testing, all negative' } },
    },
  ],
};

"""What a figure is to its sentence, beyond target or result: the old value a change starts
from (由50元提高到100元), a share of a target (完成目标任务的98.5%, 为计划的101%), the yearly
target a report measures itself against (超额完成40所的年度目标任务), an estimate or budget,
disaster damage, or a count of a programme's own items (10个民生实事项目).

A completion report names targets and results in the same sentences; a plan import takes the
targets from it, a results import the results, and neither takes the rest.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Role(StrEnum):
    PLAIN = "plain"  # a target in a plan, a result in a report
    TARGET = "target"  # the target a report measures against: a plan's figure in any text
    PLANNED = "planned"  # 年度计划改造…120个: a clause says the figure is planned (a plan's own)
    BASELINE = "baseline"
    COMPARED = "compared"  # set against another year or a control line
    SHARE = "share"
    ESTIMATE = "estimate"
    BUDGET = "budget"  # 计划安排资金1089万元，其中上级补助…: the money set aside, its parts
    DAMAGE = "damage"
    META = "meta"
    SCOPE = "scope"  # 全县11个乡镇: the area's own make-up
    RULE = "rule"  # 按不低于30%的比例抽查: the rate a task is done by
    ARTICLES = "articles"  # 出台…措施20条: the length of a policy text
    PROGRESS = "progress"  # 在建养老机构3个, 正在施工的敬老院2所: work not yet done
    STATE = "state"  # 全市现有养老机构120家: what is (a result, never a plan's target)
    CLASS = "class"  # 投资10亿元以上项目10个: the size that names a class of things counted
    PROJECT = "project"  # 项目总投资1.2亿元: what a project is, as a whole
    REACH = "reach"  # 改造老旧小区28个，惠及居民8600户: whom the work counted before reaches
    DESIGN = "design"  # …，总建筑面积8000平方米，新建3栋: the rest of its description
    PARTY = "party"  # 考评组一行5人: the people of a visit or an inspection, not the work's
    ATTENDANCE = "attendance"  # 召开…会议，…25个镇街负责人参加: who came to the meeting
    SHORTFALL = "shortfall"  # 还差300例: what is still to do, not what was done
    AGE = "age"  # 80岁—89岁的老年人: an age band says who is covered
    THRESHOLD = "threshold"  # 就业率为77.78%，首次达到75%以上: the mark passed, not the level
    ONE_OF = "one_of"  # 全国2个试点市之一: how many share a rank, not the work's
    CONSULTED = "consulted"  # 征集意见建议1330条: what a plan was chosen from, not its work
    RUNNING = "running"  # 累计新增就业40.5万人: a running total over a period, not a year's aim
    CHART = "chart"  # 80.0%49.9%60.0%, 图1: a chart's labels run together by the copy, its number
    RANKING = "ranking"  # 东城区（96.5分）排名第一: a score an assessment ranks places by


REASONS = {
    Role.BASELINE: "import_fig_baseline",
    Role.COMPARED: "import_fig_compared",
    Role.SHARE: "import_fig_share",
    Role.ESTIMATE: "import_fig_estimate",
    Role.BUDGET: "import_fig_budget",
    Role.DAMAGE: "import_fig_damage",
    Role.META: "import_fig_meta",
    Role.SCOPE: "import_fig_scope",
    Role.RULE: "import_fig_rule",
    Role.ARTICLES: "import_fig_articles",
    Role.PROGRESS: "import_fig_progress",
    Role.CLASS: "import_fig_modifier",
    Role.PROJECT: "import_fig_project",
    Role.PARTY: "import_fig_party",
    Role.ATTENDANCE: "import_fig_attendance",
    Role.ONE_OF: "import_fig_one_of",
    Role.SHORTFALL: "import_fig_shortfall",
    Role.THRESHOLD: "import_fig_threshold",
    Role.AGE: "import_fig_age",
    Role.CHART: "import_fig_chart",
    Role.RANKING: "import_fig_ranking",
}

_CLAUSE_END = "，,；;。！？：:"
_SHARE_OF_A_STANDARD = re.compile(
    r"按(?:照)?[^，,；;。]{0,12}?(?:标准|基数|工资|收入|金额|数额|费用)的$"
)  # 按照违规金额的2倍处以罚款: a multiple a penalty is reckoned by, like a share
_CHANGE = r"(?:提高|提升|增加|增长|上升|上调|调整|调高|下降|降低|减少|压缩|缩短|扩大)"
_BASELINE_AFTER = re.compile(rf"^[^{_CLAUSE_END}]{{0,3}}?{_CHANGE}(?:到|至|为|了)")
_BASELINE_BEFORE = re.compile(rf"(?:由|从|比)[^{_CLAUSE_END}]{{0,14}}$")
# 分别从503元和228元提高至554元和251元: the first of two baselines listed before the change
_BASELINES_LISTED = re.compile(rf"^[和、及与][^{_CLAUSE_END}]{{1,14}}?{_CHANGE}(?:到|至|为)")
# 比2019年增长12.15%, 低于省控线0.84个百分点, 比全省要求高出8.2个百分点: set against another
# year, a line, a requirement or the province, not last year
_AGAINST = re.compile(
    rf"(?:(?:比|较|与)(?:19|20)\d{{2}}年[^{_CLAUSE_END}]{{0,4}}|(?:低于|高于|高出|超出|优于)"
    rf"[^{_CLAUSE_END}]{{0,8}}(?:线|标准|目标|要求|平均水平|均值)(?:要求)?"
    r"|(?:低于|高于|高出|超出|优于|领先|快于|慢于)(?:全国|全省|全市|全区|全州|国家|省|市)(?:平均)?(?:水平)?"
    rf"|比(?:全国|全省|全市|全区|全州|国家|省|市)[^{_CLAUSE_END}]{{0,8}}?(?:高出|高|低|多|少|快|慢)了?)"
    rf"(?:{_CHANGE})?$"
)  # 高出全省0.1个百分点: set against the province, not the year's own figure
# 接种率95.47%，达到国家要求的90%以上: the mark the level is measured against, not the work
_REQUIRED_BEFORE = re.compile(
    r"(?:达到|符合|满足|高于|超过|优于)了?[\u4e00-\u9fff]{0,6}?(?:要求|规定|标准)的$"
)
# 符合筛查条件的建册孕妇数999人: those eligible, the base a rate is taken of
_ELIGIBLE_BEFORE = re.compile(r"符合[^，,；;。]{0,8}?条件的[^，,；;。]{0,10}?(?:数|总数)(?:为)?$")
_SHARE_BEFORE = re.compile(
    r"(?:(?:目标任务|目标|任务|计划|指标|总数|序时进度)[^，,；;。]{0,16}的|完成率|开工率|竣工率|完成比例|完成了?"
    r"(?:实事)?指标|(?:已|目前|累计)?完成[^，,；;。的]{1,12}的|序时进度[^，,；;。]{0,12}占比|(?<!序时)进度"
    r"|完成[^，,；;。的]{0,8}?(?:任务|目标|计划)数|序时进度)(?:仅|只|才|已|均|已经|低于|高于|不足|不到|超过)?(?:达到?|为|有)?$"
)  # 完成主体工程的60%, 投资完成进度达到50%, 开工率达100%: how far a work (or a programme's items)
# has got, not a level reached (完成率仅为50%, 低于45%: a word before it changes nothing)
_TASK_DONE = re.compile(r"^(?:新增|新建|改建|扩建|改造|建设)[^，,；;。]{1,16}完成了?$")
# 完成年度投资计划的81%、95%、95%, 分别完成任务的220%、414%和205%: the later shares of the list
_SHARES_LISTED = re.compile(
    r"(?:目标任务|目标|任务|计划|指标)[^，,；;。]{0,16}的[0-9.%、]+%(?:、|和|及|与)$"
)
_TARGET_BEFORE = tuple(
    f"{word}{tail}"
    for word in (
        "目标任务",
        "目标",
        "计划",
        "预期指标",
        "指标",
        "指标总量",
        "指标数",
        "目标人群",
        "年度任务",
        "全年任务",
    )
    for tail in ("", "数", "为", "是")
)  # 完成年目标任务12500人, 年度目标为…, 全年预期指标总量为98人次: endswith, cheaper than a regex;
# 筛查项目目标人群为500人: the people a screening is to reach, its target
# 完成适老化改造30户任务: the task named right after its figure (no 的, no 目标) and said done in
# the clause is what the year did; 超额完成40所的年度目标任务 still names the target
_TASK_SAID_DONE = re.compile(
    r"^(?:全年|今年|年内|本年度?)?(?:已|已经|全面|全部|圆满)?完成[^，,；;。、]{0,20}$"
)
# 项目目标人群为500人, 目标户数1200户: the target's own noun between 目标 and the figure (not a
# share of it, 目标的98%, nor what was done, 目标已完成)
_TARGET_NAMED = re.compile(r"目标(?![\u4e00-\u9fff]*[的了已完成达超])[\u4e00-\u9fff]{2}(?:为|是)?$")
# 目标：体检人数12万人以上；完成情况：…: a field labelled 目标 (to its ；) states the target
_TARGET_FIELD = re.compile(r"(?:^|[。；;，,\s])(?:年度|全年)?目标(?:任务)?[:：][^。；;：:]*$")
# 年度计划改造老旧小区120个, 全年计划开展培训1.5万人次, 全年需培训1万人次: what the clause says
# is planned, or what the year needs, is the target stated beside the results (not 按计划完成, on
# schedule, nor 计划生育 or 计划外)
_PLANNED_ACT = re.compile(
    r"(?:全年|年度|今年|本年)(?:需|须|应)(?!求)[\u4e00-\u9fff（）()、]{1,20}$"
    r"|(?<![按照超])计划(?!生育|单列|外|内|的|数|投资|安排|总投资|之|为|是|中|和|与|、)"
    r"[\u4e00-\u9fff（）()、]{1,20}$"
)
# 超额完成40所的年度目标任务, 低于4.5%的控制目标: what the figure is said to be, after 的
_TARGET_AFTER = re.compile(
    r"^次?(?:的?(?:年度|全年|年)?(?:目标任务|目标|任务|计划)|的[\u4e00-\u9fff]{1,4}?目标)(?!外|之外)"
)
# 完成市下达任务5000人的104.6%: the whole a share is taken of is the target.
_WHOLE_OF_A_SHARE = re.compile(r"^的[0-9.]+%")
_TARGET_WORDS = re.compile(r"任务|目标|计划|指标")
# 省下达我县转移就业任务1200人: a task handed down is a target, not what was done.
_HANDED_DOWN = re.compile(
    rf"(?:下达|分解|下发|承担|交办|核定|确定)[^{_CLAUSE_END}]{{0,20}}(?:任务|指标|计划)数?(?:为|是)?$"
)
# 2606个撤并村通公路（2013—2017年）: a commitment over several years, named with its period
_PERIOD_AFTER = re.compile(
    rf"^[^{_CLAUSE_END}]{{0,30}}?[（(]\s*(?:19|20)\d{{2}}\s*年?\s*[—\-－–~～至到]\s*(?:19|20)\d{{2}}\s*年?\s*[）)]"
)
# 2个嵌入式养老机构建设已完成1个: the figure before 已完成 is the item's task (not after 其中:
# 其中2个已完成改造 counts the part of the work that is done).
_TASK_THEN_DONE = re.compile(
    r"^[^，,；;。（(]{0,30}?(?:已完成|已经完成|已送|已建成|正在施工|已开工)"
)
# 已完成新增15家…照料中心 已完成改造346户: a figure right after 已完成 is done, no task, whatever
# is said done after it
_DONE_BEFORE = re.compile(r"已(?:经)?(?:完成|建成)(?:新增|新建|改造|建设)?$")
_ESTIMATE = re.compile(
    r"预计|预算(?!收入|支出)|估计|估算|概算|总投资|计划投资|年度投资|拟投资|将增发|预拨付?资金安排"
)  # not 一般公共预算收入, an account's name: what came in, not what was budgeted
# 计划安排资金1089万元: the money set aside for a task is its means, not what it is to do (even in
# a plan, where an estimate of the work is its target)
# 全年安排防汛救灾资金1500万元: money arranged (安排) is set aside, not yet paid out (下拨, 发放)
_BUDGET = re.compile(r"安排[^，,；;。]{0,10}?(?:资金|经费)(?:约|为|共)?$")
# 计划安排资金1089万元，其中上级补助610万元，县级匹配479万元: the sources a budget is split into,
# in the rest of its sentence, are the budget too
_BUDGET_SPLIT = re.compile(
    r"(?:预算|计划安排[^，,；;。]{0,6}?资金|计划投资)[^。；;！？]*?[0-9.]+\s*[万亿]?元[，,]\s*其中[^。；;！？]*$"
)
# 项目总投资1.2亿元，总建筑面积8000平方米，总用地面积1.5万平方米: a project's whole budget and
# size, said to describe it; neither the year's target nor what the year did,
_PROJECT_BUDGET = re.compile(r"项目(?:计划)?总投资(?:约|为|达)?$")
# 建设总投资7.58亿元的县医院迁建项目: the whole budget that describes the project it names
_WHOLE_BUDGET = re.compile(r"总投资(?:约|为|达)?$")
# 改造老旧小区28个，惠及居民8600户 / 发放低保金3300万元，惠及2.3万人: after a figure of the work,
# those it reaches or concerns say how far it goes, not what the plan commits to (改造老旧小区涉及
# 居民659户, with no figure before, counts the work itself)
_REACH_BEFORE = re.compile(
    r"[0-9][^。；;！？]*[，,、]\s*(?:惠及|涉及|受益|覆盖)[^，,；;。！？]{0,10}$"
)
_OF_A_PROJECT = re.compile(r"^的[^，,；;。：:]{1,24}?(?:项目|工程)")
# 某小学教学楼项目，建设面积900平方米，正在处理基础: the size of one project named just
# before, what it is (its design), not what the year built; a count of projects
# (通过审核的项目7个，全部为新建，建设面积5590平方米) is not a project's name
_PROJECT_SIZE = re.compile(
    r"项目\s*[，,]?\s*(?:总)?(?:建设|建筑|占地|用地)?(?:总)?(?:面积|规模)(?:约|为|达|共)?$"
)
# and the rest of the sentence describes the project (新建3栋，可提供床位508个), unless a clause
# names the year (年内完成投资2000万元)
_PROJECT_SAID = re.compile(r"项目(?:计划)?总投资[^。；;！？]*$")
# 福利中心二期项目正在施工，总建筑面积3.2万平方米; 新院区项目已开工，设计床位1200张: a size said
# of a project the sentence says is started or under way (its floor area, its design) describes
# the project
_SIZE_WORDS = re.compile(
    r"^(?:项目)?(?:总)?(?:(?:建设|建筑|占地|用地)(?:总)?面积|(?:设计|规划|设置)[\u4e00-\u9fff]{1,4})"
    r"(?:约|为|达|共)?$"
)
_PROJECT_NAMED = re.compile(
    r"(?:项目|工程)[^，,。；;！？]{0,10}?(?:正在(?:施工|建设)|已开工|开工建设|在建|建设中|施工中)"
    r"[^。；;！？]*$"
)  # one project, said to be started or under way (not 通过审核的项目7个, projects counted)
_THE_YEAR = re.compile(r"年内|今年|全年|本年|年度|年底|年末|当年")
_DAMAGE = re.compile(
    r"受灾|灾害|经济损失|损毁|受损|倒塌|遭受|绝收|饮水困难|造成"
    r"|发生[^，,；;。]{0,10}?事故|死亡[0-9]"
)
# 应对12轮强降雨过程、2次洪水过程: the hazards the year brought, counted, not the work
_HAZARD_AFTER = re.compile(
    r"^[\u4e00-\u9fff]{0,4}?(?:降雨|暴雨|降雪|暴雪|洪水|洪涝|台风|寒潮|冰雹|山洪|地震|干旱|风暴潮)"
    r"(?:过程|天气|灾害|袭击|侵袭)"
)
# 事故起数和死亡人数同比分别下降33.3%和32.6%: damage that fell is what the year's work did
_LESS_BEFORE = re.compile(rf"{_CHANGE}(?:了)?[0-9.%和、及与]*$")
_HAZARD_UNITS = ("轮", "次", "场", "起", "个")
# 汛期共发生强降雨过程9次, 遭遇台风3次: the hazard named before its count is counted too
_HAZARD_BEFORE = re.compile(
    r"(?:降雨|暴雨|降雪|暴雪|洪水|洪涝|台风|寒潮|冰雹|山洪|地震|干旱|风暴潮)(?:过程|天气|灾害)?"
    r"(?:共|计|共计)?$"
)
# 综合得分排名前三位的是：东城区（96.5分）…, 考核得分92分，排名全省第3: the score an assessment
# ranks by says where the place stands, like the rank itself, not what the year did
_RANKED = re.compile(r"排名|排序|名次|位列|名列|排在|排第|排位")
# 今年确定的48项重点工作任务中，已完成41项: the items of a set counted just before, sorted by how
# far they have got, are the programme's own items
_ITEMS_OF_A_SET = re.compile(r"[0-9]+\s*([项件])[^，,；;。]{0,16}?中[，,][^。；;！？]*$")
# 受灾群众集中安置点249个, 救助受灾群众1.2万人: the people relief serves, named by what befell
# them; the figure is the relief's, not damage
_SERVED = re.compile(r"受灾(?:群众|人员|人口|户|家庭)")
# 在冰雹灾害易发区域新建防雹网8.16万亩, 防灾减灾: disaster named to say what the work guards
# against, not what it did
_PREVENTION = re.compile(
    r"(?:防|减|抗)[\u4e00-\u9fff]{0,2}?灾|灾害?(?:易发|高发|多发|防治|防御|预警|监测)"
)
_RELIEF = re.compile(r"安置|救助|转移|慰问|救济|帮扶|发放|补助")
_META_AFTER = re.compile(r"^(?:个|项|件)?(?:重大|重点)?(?:民生)?(?:实事|工程|为民办实事)")
# 承办为民办实事项目20个, 省定实事项目16个: the programme's items counted, named before the figure
# (and in a note in brackets after that count: 市定实事项目6个（与省定项目重复2个）)
_META_BEFORE = re.compile(
    r"(?:实事|民生工程)(?:项目)?(?:共|计|共计|合计)?"
    r"(?:[0-9]+\s*[个项件][（(][^（()）。；;]{0,12})?$"
)
# 消除隐患9.62万项, 出台7项规范性制度措施, 整改问题12件: the hazards, problems or rules counted
# are not the programme's items, whatever else the paragraph says of 实事
_THINGS = r"(?:隐患|问题|措施|制度|办法|规定|标准|文件|政策|预案)"
_THINGS_BEFORE = re.compile(rf"{_THINGS}(?:共|计)?$")
_THINGS_AFTER = re.compile(rf"^[^{_CLAUSE_END}]{{0,8}}?{_THINGS}(?:[{_CLAUSE_END}]|$)")
_WORK_ITEMS_AFTER = re.compile(r"^(?:重点|主要|中心)?工作")
# 完成18个建设项目和9个公共服务事项: a programme's items counted by their kind, not one work
_KINDS_OF_ITEMS = re.compile(r"^(?:建设|公共服务|服务|民生|惠民|重点|重大)?(?:项目|事项)")
_META_WORDS = re.compile(r"实事|民生[^，,；;。]{0,6}工程")  # 民生工程, “民生100工程”
# 共收集…意见建议1330条, 征集到群众建议560件: the suggestions gathered while choosing the tasks
_SUGGESTIONS_BEFORE = re.compile(
    r"(?:征集|收集|收到|汇集)[^，,；;。]{0,12}?(?:意见建议|意见和建议|建议|意见)(?:共|计|共计)?$"
)
# 5个项目已提前完成全年目标, 3个项目报批后调整节点目标: projects sorted by how far they are
# against their own targets count the programme's items, not work done
_PROJECTS_BY_PROGRESS = re.compile(
    r"^(?:个|项)?项目[^，,；;。]{0,10}?(?:已|均|都)?(?:提前|超额|按计划|按期|如期|未能?|没有)?"
    r"(?:完成|达到|调整|滞后于?)[^，,；;。]{0,10}?(?:目标|进度)"
)
# 已提前完成年度目标任务的有3项, 正常推进的有4项: items sorted by how far they have got, the
# programme's own items counted
_SORTED_BY_PROGRESS = re.compile(
    r"(?:完成|推进|实施|开工|滞后|缓慢|进度)[^，,；;。]{0,16}的(?:有|为|共|共有)$"
)
_SCOPE_BEFORE = (
    "全县",
    "全市",
    "全区",
    "全旗",
    "全镇",
    "全乡",
    "全省",
    "全州",
    "辖",
    "下辖",
    "共辖",
    "辖区内",
)
# 全县总面积1200平方公里，总人口35万人: what the area is, not what the year did
# 持证残疾人12.6万人，占总人口的2.3%: the share of the people who live there says who they are
_OF_THE_POPULATION = re.compile(
    r"占[^，,；;。]{0,6}?(?:总人口|常住人口|户籍人口|人口总数)的?(?:比例|比重)?(?:为|达|约)?$"
)
_AREA_BEFORE = re.compile(
    r"(?:总面积|国土面积|辖区面积|土地面积|总人口|常住人口|户籍人口|老年人口"
    r"|岁(?:及以上|以上|及以下|以下)(?:老年)?人口)(?:约|为|达|共|有)?$"
)  # 其中60岁及以上人口71.5万人: the people of an age, who live there
# 在建养老机构3个, 正在施工的敬老院2所, 3个项目正在建设: work still under way
# 累计新增城镇就业40.5万人: the additions of several years summed (a plan over years, or to date),
# not what one year is to do; a year's plan says 新增, or 全年累计新增 (累计建成400个 is the stock
# to reach, a target)
_RUNNING_BEFORE = re.compile(r"(?<!全年)(?<!年内)(?<!今年)(?<!本年)累计新增")
_STATE_BEFORE = re.compile(r"现有|已有|现已|目前已|共有|设有")  # 新院设有800张床位: its capacity
# 10亿元以上项目, 5000万元以上企业: a size bound before what is counted names its class
# (3000平方米以上综合体5个: any noun that the next figure counts)
_CLASS_AFTER = re.compile(
    r"^(?:的)?(?:(?:产业|工业|重点|重大)?(?:项目|企业|单位|工程|公司)|[\u4e00-\u9fff“”]{1,8}?[0-9０-９])"
)
# 3人以上高危岗位, 10人以上作业场所: a headcount that names a class of posts or places
_POSTS_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:岗位|场所|作业点)")
_UNDER_WAY_BEFORE = re.compile(
    r"(?:在建|正在(?:建设|施工|改造|推进|实施)的?)[\u4e00-\u9fff]{0,10}$"
)
_UNDER_WAY_AFTER = re.compile(
    r"^[\u4e00-\u9fff]{0,10}?(?:(?:正在|仍在|尚在|还在)(?:建设|施工|改造|推进|实施)|在建中|建设中"
    r"|施工中)|^在建(?!成)"
)  # 已建成18个，2个在建: the 2 are not built yet; 另有12个…仍在施工: nor are these
# 全县11个乡镇, 全区12个市, 全市5个县区: the places the area is made of
_SCOPE_AFTER = re.compile(r"^个?(?:乡镇|镇街|街道|镇|乡|村|社区|市(?![场民])|县|区(?!域)|旗)")
# 13个县（市、区）所有街道: the places counted to say all of them, the area's make-up
_ALL_OF_THEM = re.compile(r"^个?[^，,；;。]{1,10}?所有")
# 全市辖8个县（市、区）、96个乡镇（街道）: every place the clause lists after 辖 is the make-up
_GOVERNS = re.compile(r"^(?:全[县市区旗省州])?(?:下|共)?辖")
_RULE_BEFORE = re.compile(r"按(?:照)?$")
# 作为全国2个地级市之一, 成为全省10个示范县之一: the number of those sharing a rank
# 2000例手术，还差300多例: what is still missing, and the task it is missing from
_SHORT_BEFORE = re.compile(
    r"(?:还|尚|仍)(?:差|缺)$|(?:剩余|还剩|尚余|尚剩)(?:的)?$"
)  # 剩余14公里: left
# 建设50家示范店，已建成49家: the task, then in the next clause how much of it is done
_DONE_NEXT = re.compile(
    rf"^[^{_CLAUSE_END}（(]{{0,20}}[，,]\s*(?:目前|现)?已(?:经)?(?:完成|建成)\s*[0-9]"
)
_SHORT_AFTER = re.compile(rf"^[^{_CLAUSE_END}]{{0,20}}[，,]\s*(?:还|尚|仍)(?:差|缺)\s*[0-9]")
# 80岁—89岁, 90至99岁: the ends of an age band
_BAND = r"\s*[—\-－–~～至到]\s*"
_AGE_BAND_AFTER = re.compile(rf"^{_BAND}[0-9]{{1,3}}\s*周?岁")
_AGE_BAND_BEFORE = re.compile(rf"[0-9]\s*周?岁{_BAND}$")
# 就业率为77.78%，首次达到75%以上: a mark passed for the first time, after the level itself
_FIRST_TIME = re.compile(r"首次(?:达到|达|突破|超过|迈上|跨过|跨越|站上)?$")
_ONE_OF_AFTER = re.compile(rf"^[^{_CLAUSE_END}]{{0,12}}?之一")
# 考评组一行5人来到…, 检查组一行共8人: the visitors, counted by the news of their visit
_PARTY_BEFORE = re.compile(r"一行(?:共|计)?$")
# 优化营商环境33条举措落地: the measures a policy counts, named after the figure
_MEASURES_AFTER = re.compile(r"^(?:具体|重点|硬核|配套)?(?:举措|措施|政策措施|意见|办法|细则)")
_POLICY_WORDS = ("措施", "举措", "意见", "政策", "办法", "条款")
# 出台…政策文件3个，共20条: the articles the documents just named add up to.
_POLICY_TOTAL = re.compile(
    r"(?:措施|举措|政策|办法|细则|规定|文件|条例|意见)[^。；;]{0,12}[，,]\s*(?:共|计|共计|合计|含)$"
)
# 2021年促进就业计划目标为：全省城镇新增就业60万人以上，…。农村劳动力转移就业70万人。实际完成
# 情况如下: what follows 目标为： in its paragraph lists the targets, until the text turns to
# what was done
_TARGETS_OPENED = re.compile(r"(?:目标任务|目标|指标)(?:为|是)?[：:]([^：:]*)$")
_TURN_TO_DONE = re.compile(r"实际|完成|截至|截止|目前|执行情况|落实情况")
# 审议通过的《政府工作报告》，确定实施…、建设120个…、开展40万人次…: what a plan named in 《》
# decided, proposed or promised, in the rest of its sentence, is that plan's targets
_PLAN_DECIDED = re.compile(
    r"(?:报告|计划|规划|要点|方案)》[^。；;！？]{0,8}?(?:确定|部署|承诺)实施[^。；;！？]*$"
)
_COMPLETION = re.compile(
    r"已完成|已经完成|超额完成|完成(?:了)?(?:年度|全年|年)目标|已建成|已经建成|截至|截止|已送"
    r"|正在施工|为计划的|完成率|已全部完成|已经完成"
    r"|(?:目标任务|目标|任务|计划)[^，,；;。]{0,16}的[0-9.]+%"  # 占全年目标任务1200人的174%
)


def role(text: str, start: int, end: int, unit: str) -> Role:
    """The role of the figure text[start:end] in its paragraph."""
    # the words near the figure: a window, so a long paragraph costs no more per figure
    before, after = text[max(0, start - _NEAR) : start], text[end : end + _NEAR]
    clause, sentence = _clause_start(text, start), _sentence_start(text, start)
    around = _clause_around(text, start, end)
    if _in_chart(text[start:end], before, after, unit):
        return Role.CHART
    if unit in ("%", "‰") and (
        _SHARE_BEFORE.search(before)
        or _SHARES_LISTED.search(before)
        or (before.endswith(("（", "(")) and after[:1] in "）)")
    ):
        return Role.SHARE
    if unit == "%" and _TASK_DONE.match(clause):
        return Role.SHARE  # 新增敬老院床位完成30%: how far the task has got
    if unit == "%" and _RULE_BEFORE.search(before) and after.startswith("的比例"):
        return Role.RULE
    if unit in ("%", "倍") and _SHARE_OF_A_STANDARD.search(before):
        return Role.RULE  # 按照低保保障标准的30%增发: the rate a payment is reckoned by
    if unit == "条" and (
        before.endswith(_POLICY_WORDS)
        or _POLICY_TOTAL.search(before)
        or _MEASURES_AFTER.match(after)
    ):
        return Role.ARTICLES
    if unit in ("人", "名", "位") and _PARTY_BEFORE.search(before):
        return Role.PARTY
    if unit == "岁" and (_AGE_BAND_AFTER.match(after) or _AGE_BAND_BEFORE.search(before)):
        return Role.AGE
    if _SHORT_BEFORE.search(before):
        return Role.SHORTFALL
    if _SHORT_AFTER.match(after) or _DONE_NEXT.match(after):
        return Role.TARGET
    if _FIRST_TIME.search(before) and _said_before(text, start, unit):
        return Role.THRESHOLD
    if _ONE_OF_AFTER.match(after):
        return Role.ONE_OF
    if _SCOPE_AFTER.match(after) and (
        before.endswith(_SCOPE_BEFORE) or _ALL_OF_THEM.match(after) or _GOVERNS.match(clause)
    ):
        return Role.SCOPE
    if _AREA_BEFORE.search(before) or (unit == "%" and _OF_THE_POPULATION.search(before)):
        return Role.SCOPE
    if text[start:end].endswith(("以上", "以下")) and (
        _CLASS_AFTER.match(after) or (unit in ("人", "名") and _POSTS_AFTER.match(after))
    ):
        return Role.CLASS
    # 共有在建项目7个: what there is, still being built, is work under way
    if _UNDER_WAY_BEFORE.search(clause) or _UNDER_WAY_AFTER.match(after):
        return Role.PROGRESS
    if _STATE_BEFORE.search(clause):
        return Role.STATE
    changed = _BASELINE_AFTER.match(after) or _BASELINES_LISTED.match(after)
    if changed and _BASELINE_BEFORE.search(before):
        return Role.BASELINE
    added = unit not in ("%", "‰", "个百分点", "倍") and _against_the_year_before(before, sentence)
    if (_AGAINST.search(before) and not added) or _REQUIRED_BEFORE.search(before):
        return Role.COMPARED
    if _ELIGIBLE_BEFORE.search(before):
        return Role.SCOPE
    done = after.startswith("任务") and _TASK_SAID_DONE.match(clause)
    if before.endswith(_TARGET_BEFORE) or _TARGET_NAMED.search(before):
        return Role.TARGET
    if before.endswith(("（", "(")) and before[:-1].endswith(_TARGET_BEFORE):
        return Role.TARGET
    if _TARGET_FIELD.search(before):
        return Role.TARGET
    if _PLANNED_ACT.search(clause):
        return Role.PLANNED
    if _TARGET_AFTER.match(after) and not done:
        return Role.TARGET
    if _HANDED_DOWN.search(before) or (
        _WHOLE_OF_A_SHARE.match(after) and _TARGET_WORDS.search(clause)
    ):
        return Role.TARGET
    if (
        _TASK_THEN_DONE.match(after)
        and not before.endswith("其中")
        and not _DONE_BEFORE.search(clause)
    ) or _PERIOD_AFTER.match(after):
        return Role.TARGET
    if _META_AFTER.match(after) or (
        unit in ("项", "件") and _META_WORDS.search(text) and not _counts_other(before, after)
    ):
        return Role.META
    if unit == "项" and re.search("指标|序时进度", around):
        return Role.META  # 主要经济指标任务10项, 3项指标未达到序时进度: the indicators counted
    if unit == "项" and _WORK_ITEMS_AFTER.match(after):
        return Role.META  # 抓好21项重点工作落实, …等5项工作: the work items of the plan counted
    if unit in ("条", "件", "份", "个") and _SUGGESTIONS_BEFORE.search(before):
        return Role.CONSULTED
    if unit in ("个", "项") and _PROJECTS_BY_PROGRESS.match(after):
        return Role.META
    if unit in ("个", "项", "件") and _SORTED_BY_PROGRESS.search(before):
        return Role.META
    if unit in ("个", "项", "件") and _KINDS_OF_ITEMS.match(after) and _META_WORDS.search(text):
        return Role.META
    if unit in ("个", "项", "件") and _META_BEFORE.search(before):
        return Role.META
    if unit in ("项", "件") and _counted_in_a_set(sentence, unit):
        return Role.META
    if unit == "分" and _RANKED.search(sentence + _sentence_rest(text, end)):
        return Role.RANKING
    if _PROJECT_BUDGET.search(before) or _PROJECT_SIZE.search(before):
        return Role.PROJECT
    if _WHOLE_BUDGET.search(before) and _OF_A_PROJECT.match(after):
        return Role.PROJECT
    if _SIZE_WORDS.match(clause) and _PROJECT_NAMED.search(sentence):
        return Role.PROJECT
    if _PROJECT_SAID.search(text[max(0, start - 3 * _NEAR) : start]) and not _THE_YEAR.search(
        clause
    ):
        return Role.DESIGN
    if attended(text, start, end):
        return Role.ATTENDANCE
    if unit in _HAZARD_UNITS and (_HAZARD_AFTER.match(after) or _HAZARD_BEFORE.search(before)):
        return Role.DAMAGE
    if _damage(before + after, around) and not _LESS_BEFORE.search(before):
        return Role.DAMAGE
    if unit == "元" and _WHOLE_BUDGET.search(before):
        return Role.PROJECT  # 改造老旧小区28个，总投资2.3亿元: what the work costs in all
    if unit not in ("%", "‰") and _REACH_BEFORE.search(sentence):
        return Role.REACH
    if _ESTIMATE.search(before) and _ESTIMATE.search(clause):
        return Role.ESTIMATE
    if unit == "元" and (_BUDGET.search(before) or _BUDGET_SPLIT.search(sentence)):
        return Role.BUDGET
    if _RUNNING_BEFORE.search(clause):
        return Role.RUNNING
    if _targets_listed(text, start):  # last: a list of targets may count or price its items
        return Role.TARGET
    return Role.PLAIN


# 召开…部署会，…、25个镇街残联理事长参加: those who came to the meeting the sentence reports,
# the clause ending on the attending verb (not 200名残疾人参加技能培训, a result)
_ATTENDING_AFTER = re.compile(
    rf"^[^{_CLAUSE_END}]{{0,20}}?(?:参加|出席|参会|列席|与会)(?:了)?(?:会议|本次会议)?[。；;，,]"
)
_MEETING = re.compile(r"召开|会议|会上|主持")


# 图1近五年…, 表2: the number of a chart or a table, which counts nothing
_CHART_NUMBER_BEFORE = ("图", "表")


def _in_chart(literal: str, before: str, after: str, unit: str) -> bool:
    """A chart copied with its text: its labels run together, each percentage touching the next
    figure with no word or mark between (80.0%49.9%60.0%, 51.1 %52.3%); a sentence never writes
    two figures so. And a chart's or table's own number (图1)."""
    if unit in ("%", "‰") and (before.endswith(("%", "‰")) or after[:1].isdigit()):
        return True
    return literal.isdigit() and before.endswith(_CHART_NUMBER_BEFORE)


def _targets_listed(text: str, start: int) -> bool:
    """The figure stands in a list of targets that 目标为： or a plan's decision opened, and the
    text has not yet turned to what was done."""
    words = text[max(0, start - 8 * _NEAR) : start]
    opened = _TARGETS_OPENED.search(words)
    if opened and not _TURN_TO_DONE.search(opened.group(1)):
        return True
    decided = _PLAN_DECIDED.search(words)
    if not decided:
        return False
    # …确定的10件实事已全部完成: the decision recalled by a sentence that says it was done
    rest = re.split("[。；;！？\n]", text[start : start + 8 * _NEAR], maxsplit=1)[0]
    return not _TURN_TO_DONE.search(decided.group(0) + rest)


def attended(text: str, start: int, end: int) -> bool:
    """The figure counts who attended the meeting its sentence reports."""
    sentence_start = max(text.rfind(mark, 0, start) for mark in "。；;！？\n") + 1
    attending = _ATTENDING_AFTER.match(text[end : end + _NEAR])
    if attending is None:
        return False
    # 80余人参加会议: the clause names the meeting itself
    return bool(_MEETING.search(text[sentence_start:start]) or _MEETING.search(attending[0]))


def _damage(near: str, clause: str) -> bool:
    """Whether the words near the figure and its clause speak of disaster damage (受灾群众 that
    relief serves do not)."""
    if _RELIEF.search(clause):
        near, clause = _SERVED.sub("", near), _SERVED.sub("", clause)
    near, clause = _PREVENTION.sub("", near), _PREVENTION.sub("", clause)
    return bool(_DAMAGE.search(near) and _DAMAGE.search(clause))


def _counted_in_a_set(sentence: str, unit: str) -> bool:
    """Whether the sentence opened on a set of items counted in the same unit (48项…任务中，)."""
    counted = _ITEMS_OF_A_SET.search(sentence)
    return counted is not None and counted.group(1) == unit


def _sentence_rest(text: str, end: int) -> str:
    """The words of the sentence after the figure (within a window)."""
    return re.split("[。；;！？\n]", text[end : end + _NEAR], maxsplit=1)[0]


def _counts_other(before: str, after: str) -> bool:
    """Whether a 项 or 件 figure counts hazards, problems or rules named right beside it."""
    return bool(_THINGS_BEFORE.search(before) or _THINGS_AFTER.match(after))


# 2024年…较2023年增加3000人: the year before the one the sentence speaks of is last year
_YEAR_AGAINST = re.compile(
    rf"(?:比|较|与)((?:19|20)\d{{2}})年[^{_CLAUSE_END}]{{0,4}}(?:{_CHANGE})?$"
)


def _against_the_year_before(before: str, sentence: str) -> bool:
    """A count more or fewer than the year just before the sentence's own year is what the year
    adds (较上年增加3000人); against an earlier year it is a comparison. A rate against a named
    year (比2024年增长100%) stays a comparison."""
    found = _YEAR_AGAINST.search(before)
    if found is None:
        return False
    own = sentence[: max(0, len(sentence) - len(found[0]))]
    return f"{int(found[1]) + 1}年" in own


def _said_before(text: str, start: int, unit: str) -> bool:
    """Whether the sentence gave a figure of the same unit before this one."""
    sentence_start = max(text.rfind(mark, 0, start) for mark in "。；;！？\n") + 1
    return bool(unit) and bool(re.search(rf"[0-9]\s*{re.escape(unit)}", text[sentence_start:start]))


_NEAR = 40  # characters either side that can say what a figure is


def reports_completion(sentence: str) -> bool:
    """A sentence that says what was done (已完成, 超额完成…的年度目标任务): a plan import takes
    only its targets."""
    return bool(_COMPLETION.search(sentence))


_BREAK = re.compile(f"[{re.escape(_CLAUSE_END)}]")


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause the figure stands in (within the window around it)."""
    before = _BREAK.split(text[max(0, start - _NEAR) : start])[-1]
    return before + text[start:end] + _BREAK.split(text[end : end + _NEAR], maxsplit=1)[0]


def _sentence_start(text: str, start: int) -> str:
    """The words of the sentence before the figure (within three windows)."""
    words = text[max(0, start - 3 * _NEAR) : start]
    return re.split("[。；;！？\n]", words)[-1]


def _clause_start(text: str, start: int) -> str:
    """The words of the clause before the figure, and of the clause before it when this one
    only compares (预算安排…资金，比去年增加145万元)."""
    pieces = _BREAK.split(text[max(0, start - _NEAR) : start])
    words = pieces[-1]
    if words.startswith(("比", "较", "同比")) and len(pieces) > 1:
        words = pieces[-2] + words
    return words

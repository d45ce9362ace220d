namespace Warehouse.Corpus.Rendering;

/// <summary>
/// The prose of sections 一 (三)-(五) and 五, drawn per report from banks of the sentences real
/// reports write, so that independent generated reports share about as much wording as real
/// ones do (a tenth to a third of their shingles, against 5-8 % for the real reports of the
/// fixtures) and the 雷同 check finds only the copies a test plants. No sentence holds a figure
/// or a phrase the parser reads (申请, 行政复议, 主动公开…条, section headings), so the values and
/// findings of a report do not depend on its draw.
/// </summary>
/// <param name="seed">The report's quirk seed: the same report, the same prose.</param>
internal sealed class ProseBank(int seed)
{
    private readonly Random _random = new(unchecked((seed * 31) + 7));

    private static readonly string[] ManagementBank =
    [
        "严格执行公文类信息公开审查，公开文件一律经分管领导签批。",
        "推行信息发布“三审三校”，重要信息由主要负责同志把关。",
        "梳理本部门权责清单并在网站集中展示，方便群众监督。",
        "对涉及群众切身利益的事项，提前公开征求意见。",
        "及时转载上级政府重要政策文件，做好本地化解读。",
        "严格落实信息发布审查制度，坚持先审查、后公开，确保发布信息准确规范。",
        "建立健全信息发布协调机制，明确各科室信息报送责任人，做到专人负责、及时更新。",
        "对拟公开的文件逐件进行保密审查和公开属性认定，未发生泄密事件。",
        "动态调整政府信息公开目录，及时清理过时失效信息，保证栏目内容常看常新。",
        "规范政府信息发布流程，落实分级审核，确保信息内容合法合规、表述严谨。",
        "加强政府信息档案管理，公开文件做到随时可查、完整归档。",
        "定期对已公开信息开展自查，发现错别字、链接失效等问题及时整改。",
        "推进文件公开属性源头认定，在拟文环节同步明确公开方式。",
        "加强对基层站所信息发布工作的指导，统一发布标准和口径。",
    ];

    private static readonly string[] PlatformBank =
    [
        "开设热点专题栏目，集中发布重点工作进展。",
        "探索短视频解读政策，扩大政策传播覆盖面。",
        "推动网站与政务服务平台数据对接，实现办事指南一网查询。",
        "定期检查网站错链断链，确保栏目正常访问。",
        "持续完善门户网站政府信息公开专栏，加强政务新媒体管理。",
        "优化网站栏目设置，提升站内搜索的准确性，方便群众查找。",
        "依托政务微信公众号发布各类动态，图文并茂解读惠民政策。",
        "在办事大厅设置政务公开专区，配备查阅设备并安排专人引导。",
        "推进网站适老化和无障碍改造，方便老年人和残障人士浏览。",
        "关停整合运维能力不足的政务新媒体账号，集中力量办好主账号。",
        "利用电子显示屏、公示栏等线下渠道同步公开重要信息。",
        "开通政策咨询热线，及时解答企业群众关心的问题。",
        "完善网站留言办理机制，做到有问必答、答必及时。",
        "加强网站安全防护，定期开展漏洞扫描和应急演练。",
    ];

    private static readonly string[] OversightBank =
    [
        "将信息公开纳入机关作风建设内容一并考核。",
        "结合年度工作要点制定政务公开任务分解表。",
        "建立信息发布责任追究制度，压实审核责任。",
        "对群众反映的公开问题建立快速响应机制。",
        "定期召开政务公开工作推进会，研究解决突出问题。",
        "把政务公开培训纳入干部教育培训计划。",
        "将政务公开工作纳入年度绩效考核。",
        "主要负责同志亲自过问，分管领导具体抓，形成一级抓一级的工作格局。",
        "组织开展政务公开业务培训，提升工作人员业务能力。",
        "邀请社会监督员对政务公开工作进行评议，认真听取意见建议。",
        "聘请第三方机构对网站运行情况开展常态化监测。",
        "把政务公开工作与业务工作同部署、同检查、同落实。",
        "建立问题整改台账，对检查发现的问题逐项销号。",
        "定期通报各科室信息报送情况，督促落实公开责任。",
    ];

    private static readonly string[] ProblemBank =
    [
        "部分栏目信息更新频率不高，内容不够丰富",
        "主动回应社会关切还不够及时",
        "信息发布审核把关还需进一步加强",
        "政务公开工作宣传力度不够，群众知晓率不高",
        "政务公开工作的主动性有待提高，部分信息发布不够及时",
        "政策解读形式比较单一，图解、视频等形式运用不多",
        "工作人员多为兼职，业务水平有待提升",
        "基层政务公开标准化规范化建设还不够深入",
        "公众参与渠道不够丰富，互动回应的时效性有待加强",
        "信息公开的深度和广度仍有不足，重点领域信息更新不够",
        "政务新媒体内容质量参差不齐，部分栏目更新缓慢",
        "对公开工作的监督考核力度还需加大",
    ];

    private static readonly string[] ImprovementBank =
    [
        "加大政务公开宣传力度，提高群众知晓率",
        "完善栏目更新机制，做到常看常新",
        "健全信息发布协调机制，确保公开及时准确",
        "推动解读回应与政策发布同步进行",
        "加强业务培训，提高工作人员的能力和水平",
        "规范信息发布审核流程，提升公开质量",
        "丰富政策解读形式，增强解读的针对性和可读性",
        "及时回应社会关切，做好舆情收集和研判",
        "深化基层政务公开标准化规范化建设",
        "拓宽公众参与渠道，完善意见征集和反馈机制",
        "加强政务新媒体日常监管，提升运营水平",
        "强化考核督导，压实各科室公开责任",
    ];

    public string Management() => string.Concat(Pick(ManagementBank, 3));

    public string Platforms() => string.Concat(Pick(PlatformBank, 3));

    public string Oversight() => string.Concat(Pick(OversightBank, 3));

    /// <summary>Section 五: two or three problems, then as many improvements (一是…；二是…。下一步，…).</summary>
    public string Problems()
    {
        var numbers = new[] { "一", "二", "三" };
        var problems = Pick(ProblemBank, 2 + _random.Next(2));
        var improvements = Pick(ImprovementBank, 2 + _random.Next(2));
        return string.Join("；", problems.Select((p, i) => $"{numbers[i]}是{p}")) + "。下一步，我们将" + string.Join("，", improvements) + "。";
    }

    /// <summary><paramref name="count"/> different sentences of <paramref name="bank"/>, in the bank's order.</summary>
    private List<string> Pick(string[] bank, int count)
    {
        var chosen = new SortedSet<int>();
        while (chosen.Count < count) chosen.Add(_random.Next(bank.Length));
        return chosen.Select(i => bank[i]).ToList();
    }
}

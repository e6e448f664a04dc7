package demo

import (
	"fmt"
	"math/rand/v2"
)

// The people, places and organisations of a street center in Datong's
// Pingcheng district. Lists only; which of them turn up is the seed's choice.

// surnames are common Chinese surnames, the most frequent listed more than
// once so that they turn up more often; 闫, 武, 郭 and 贾 are as common in
// Shanxi as anywhere.
var surnames = []string{
	"王", "王", "王", "李", "李", "李", "张", "张", "张", "刘", "刘", "刘",
	"陈", "杨", "杨", "赵", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
	"高", "高", "林", "何", "郭", "郭", "马", "罗", "梁", "宋", "郑", "谢",
	"韩", "唐", "冯", "于", "董", "程", "曹", "袁", "邓", "许", "傅", "沈",
	"彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "贾", "丁", "魏", "薛", "叶",
	"闫", "闫", "余", "潘", "杜", "戴", "夏", "田", "任", "范", "方", "石",
	"姚", "武", "武", "温", "牛", "乔", "段", "白", "崔", "康", "秦", "侯",
	"孟", "史", "郝", "尹", "常", "霍", "阎", "亢",
}

// givenNames are given names of one or two characters, of several
// generations: 建国 and 秀兰 are grandparents, 子涵 and 梓萱 are students.
var givenNames = []string{
	"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
	"杰", "娟", "涛", "明", "超", "霞", "平", "刚", "辉", "玲", "斌", "鹏",
	"建国", "建华", "建军", "国强", "国庆", "志刚", "志强", "海军", "永明", "文斌",
	"秀兰", "秀英", "桂英", "桂兰", "玉兰", "凤英", "淑珍", "丽华", "丽娟", "春梅",
	"晓燕", "晓东", "晓明", "晓红", "海燕", "雪梅", "红梅", "亚楠", "婷婷", "丹丹",
	"慧敏", "静怡", "思雨", "欣怡", "雨涵", "子涵", "梓萱", "浩然", "宇轩", "俊杰",
	"佳琪", "嘉豪", "文博", "天宇", "晨曦", "瑞霞", "润生", "福生", "满仓", "二虎",
	"金凤", "翠萍", "彩云", "美玲", "建平", "卫东", "红军", "爱民", "利民", "振华",
	"宏伟", "立新", "树林", "光明", "德胜", "保国", "秀梅", "艳芳", "燕妮", "改英",
}

// communities are the residents' communities (社区) of the street.
var communities = []string{
	"新建南路社区", "永泰南门社区", "永泰西门社区", "迎宾社区", "恒安社区",
	"华林社区", "向阳社区", "和阳社区", "清远社区", "振华南街社区",
}

// units are workplaces in Datong whose party members report to the
// communities where they live (在职党员到社区报到).
var units = []string{
	"大同市第一中学", "平城区税务局", "大同市第三人民医院", "国网大同供电公司",
	"平城区教育局", "中国银行大同分行", "山西大同大学", "平城区市场监督管理局",
	"大同市图书馆", "平城区卫生健康局", "新建南路小学", "中国邮政大同分公司",
	"大同市第五人民医院", "平城区人民法院", "大同市公交公司",
}

// staffDesk are the desk staff; staffManager is the center's manager.
var (
	staffDesk    = []string{"李晓燕", "张鹏", "赵雅琴"}
	staffManager = "王建华"
)

// demoCenter is the name a new center gets.
const demoCenter = "大同市平城区新建南路街道党群服务中心"

// person is someone who comes to the center.
type person struct {
	name  string
	phone string // "" for a visitor who gave none
	org   string // a community or a workplace
	party bool
}

// mobilePrefixes are the first three digits of mainland mobile numbers in use.
var mobilePrefixes = []string{
	"130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
	"150", "151", "152", "153", "155", "156", "157", "158", "159",
	"166", "173", "176", "177", "178", "180", "181", "182", "183", "185",
	"186", "187", "188", "189", "191", "198", "199",
}

func randomName(r *rand.Rand) string {
	return pick(r, surnames) + pick(r, givenNames)
}

func randomMobile(r *rand.Rand) string {
	return fmt.Sprintf("%s%08d", pick(r, mobilePrefixes), r.IntN(100000000))
}

// randomResident is a resident of one of the communities.
func randomResident(r *rand.Rand) person {
	return person{name: randomName(r), phone: randomMobile(r), org: pick(r, communities), party: r.IntN(100) < 12}
}

// grid is a community's grid (网格), where requests are filed.
func grid(r *rand.Rand, community string) string {
	return fmt.Sprintf("%s第%d网格", community, 1+r.IntN(8))
}

// pick returns one element of list.
func pick[T any](r *rand.Rand, list []T) T {
	return list[r.IntN(len(list))]
}

// weighted returns an index into weights, each chosen in proportion to its
// weight.
func weighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// between returns a whole number from lo to hi inclusive.
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// chance reports true with probability percent/100.
func chance(r *rand.Rand, percent int) bool { return r.IntN(100) < percent }

package store

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"frontdesk/lang"
)

// loginPattern is what an SSH login may be: lower-case ASCII, starting with a
// letter, 2 to 32 characters.
var loginPattern = regexp.MustCompile(`^[a-z][a-z0-9_.-]{1,31}$`)

// checkLogin validates a login typed by a person.
func checkLogin(s string) (string, error) {
	s = strings.TrimSpace(s)
	if !loginPattern.MatchString(s) {
		return "", invalid("login", lang.LoginInvalid.Format(s))
	}
	return s, nil
}

// pinyinTable lists common surname and given-name characters, each followed
// by its pinyin without tones. Surnames come first, so a character read
// differently as a surname (单 shan, 曾 zeng) gets that reading.
const pinyinTable = "" +
	"王wang李li张zhang刘liu陈chen杨yang黄huang赵zhao吴wu周zhou徐xu孙sun马ma朱zhu胡hu郭guo何he高gao林lin罗luo" +
	"郑zheng梁liang谢xie宋song唐tang许xu韩han冯feng邓deng曹cao彭peng曾zeng肖xiao田tian董dong袁yuan潘pan于yu" +
	"蒋jiang蔡cai余yu杜du叶ye程cheng苏su魏wei吕lv丁ding任ren沈shen姚yao卢lu姜jiang崔cui钟zhong谭tan陆lu汪wang" +
	"范fan金jin石shi廖liao贾jia夏xia韦wei付fu方fang白bai邹zou孟meng熊xiong秦qin邱qiu江jiang尹yin薛xue闫yan" +
	"段duan雷lei侯hou龙long史shi陶tao黎li贺he顾gu毛mao郝hao龚gong邵shao万wan钱qian严yan覃qin武wu戴dai莫mo" +
	"孔kong向xiang汤tang常chang温wen康kang施shi文wen牛niu樊fan葛ge邢xing安an齐qi易yi乔qiao伍wu庞pang颜yan" +
	"倪ni庄zhuang聂nie章zhang鲁lu岳yue翟zhai殷yin詹zhan申shen欧ou耿geng关guan兰lan焦jiao俞yu左zuo柳liu甘gan" +
	"祝zhu包bao宁ning尚shang符fu舒shu阮ruan柯ke纪ji梅mei童tong凌ling毕bi单shan季ji裴pei霍huo涂tu成cheng苗miao" +
	"谷gu盛sheng曲qu翁weng冉ran骆luo蓝lan路lu游you辛xin靳jin管guan柴chai蒙meng鲍bao华hua喻yu祁qi蒲pu房fang" +
	"滕teng屈qu饶rao解xie牟mou艾ai尤you阳yang时shi穆mu农nong司si卓zhuo古gu吉ji缪miao简jian车che项xiang连lian" +
	"芦lu麦mai褚chu娄lou窦dou戚qi岑cen景jing党dang宫gong费fei卜bu冷leng晏yan席xi卫wei米mi柏bai宗zong瞿qu" +
	"桂gui全quan佟tong应ying臧zang闵min苟gou邬wu边bian卞bian姬ji师shi和he仇qiu栾luan隋sui商shang刁diao沙sha" +
	"荣rong巫wu寇kou桑sang郎lang甄zhen丛cong仲zhong虞yu敖ao巩gong明ming佘she池chi查zha麻ma苑yuan迟chi邝kuang" +
	"伟wei芳fang娜na敏min静jing丽li强qiang磊lei军jun洋yang勇yong艳yan杰jie娟juan涛tao超chao秀xiu霞xia平ping" +
	"刚gang英ying玉yu萍ping红hong建jian国guo新xin云yun辉hui力li峰feng燕yan波bo宇yu浩hao鹏peng飞fei斌bin凯kai" +
	"鑫xin晨chen婷ting雪xue琳lin莉li海hai亮liang健jian春chun东dong志zhi小xiao晓xiao丹dan颖ying慧hui佳jia" +
	"倩qian欣xin博bo昊hao子zi轩xuan涵han梓zi睿rui思si嘉jia怡yi雨yu欢huan乐le山shan德de福fu生sheng祥xiang" +
	"贵gui发fa珍zhen凤feng琴qin素su淑shu秋qiu月yue清qing宏hong伦lun俊jun帅shuai毅yi威wei彬bin豪hao振zhen" +
	"翔xiang瑞rui鸿hong璐lu蕾lei薇wei菲fei悦yue彤tong琪qi媛yuan瑶yao露lu妍yan洁jie蓉rong玲ling芬fen霖lin" +
	"楠nan晶jing岩yan松song泽ze航hang天tian一yi家jia永yong元yuan光guang民min忠zhong仁ren义yi礼li智zhi信xin" +
	"宝bao利li兴xing旺wang达da勤qin坤kun亚ya立li庆qing喜xi琦qi莹ying婉wan娅ya诗shi语yu梦meng馨xin晴qing" +
	"可ke心xin若ruo依yi萱xuan妮ni玥yue冰bing凡fan哲zhe铭ming逸yi晗han煜yu皓hao奕yi辰chen宸chen朗lang远yuan" +
	"锋feng树shu森sen雄xiong兵bing彪biao虎hu胜sheng河he洪hong银yin铁tie钢gang冬dong竹zhu菊ju芝zhi娇jiao" +
	"妹mei姐jie娥e香xiang翠cui花hua草cao青qing绿lv紫zi美mei佩pei蕊rui雅ya贤xian惠hui巧qiao敬jing恒heng" +
	"良liang善shan正zheng直zhi中zhong大da伯bo叔shu少shao长chang亦yi之zhi以yi为wei水shui火huo土tu木mu阿a" +
	"二er三san四si五wu六liu七qi八ba九jiu十shi百bai千qian鹤he鹰ying鸣ming歌ge舞wu书shu画hua棋qi照zhao耀yao" +
	"灿can烨ye炜wei焕huan熙xi然ran萌meng芸yun芹qin荷he莲lian蓓bei蕴yun菁jing茜qian婧jing姗shan嫣yan婕jie" +
	"娴xian媚mei珊shan琼qiong瑾jin璇xuan瑜yu珠zhu珏jue琛chen璟jing昕xin晟sheng旭xu昌chang晖hui曦xi朝chao" +
	"星xing阔kuo广guang宽kuan厚hou君jun臣chen伊yi泉quan润run源yuan澄cheng溪xi湘xiang汉han渝yu京jing津jin" +
	"晋jin豫yu楚chu梁liang桐tong杉shan枫feng柳liu桃tao杏xing秦qin琰yan瑛ying婷ting宁ning静jing欧ou"

// pinyin maps a character to its pinyin, read from pinyinTable once.
var pinyin = func() map[rune]string {
	m := map[rune]string{}
	var han rune
	var py strings.Builder
	flush := func() {
		if han != 0 {
			if _, ok := m[han]; !ok {
				m[han] = py.String()
			}
		}
		py.Reset()
	}
	for _, r := range pinyinTable {
		if r < unicode.MaxASCII {
			py.WriteRune(r)
			continue
		}
		flush()
		han = r
	}
	flush()
	return m
}()

// loginFromName spells a name as a login: 王芳 is wangfang, "Li Ming" is
// liming. It returns "" when some character has no known spelling.
func loginFromName(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '.' || r == '-' || r == '_':
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '·' || r == '•':
		default:
			py, ok := pinyin[r]
			if !ok {
				return ""
			}
			b.WriteString(py)
		}
	}
	s := b.String()
	if len(s) > 32 {
		s = s[:32]
	}
	if !loginPattern.MatchString(s) {
		return ""
	}
	return s
}

// suggestLogin returns a free login for name: its pinyin, with 2, 3, … added
// when that is taken, or staffN when the name cannot be spelled.
func (t *tx) suggestLogin(name string) (string, error) {
	base := loginFromName(name)
	if base == "" {
		var n int64
		if err := t.QueryRow("SELECT COALESCE(MAX(id), 0) + 1 FROM staff").Scan(&n); err != nil {
			return "", fmt.Errorf("suggest login: %w", err)
		}
		base = fmt.Sprintf("staff%d", n)
	}
	for i := 1; ; i++ {
		login := base
		if i > 1 {
			suffix := fmt.Sprint(i)
			if len(login)+len(suffix) > 32 {
				login = login[:32-len(suffix)]
			}
			login += suffix
		}
		var id int64
		err := t.QueryRow("SELECT id FROM staff WHERE login = ?", login).Scan(&id)
		if isNoRows(err) {
			return login, nil
		}
		if err != nil {
			return "", fmt.Errorf("suggest login: %w", err)
		}
	}
}

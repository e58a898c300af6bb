-- Classification (issue 5, point 2): business type and cause codes structured as in JR/T 0169-2018
-- (金融消费者投诉统计分类及编码 银行业金融机构), configurable, seeded with a reasonable set in zh and en; each
-- code's keywords drive the transparent keyword baseline that suggests a classification from the text.
create table case_code (
    kind      varchar(10)  not null,
    code      varchar(20)  not null,
    name_zh   varchar(100) not null,
    name_en   varchar(100) not null,
    keywords  varchar(1000) not null default '',
    active    boolean      not null default true,
    primary key (kind, code)
);

alter table case_file add column business_code varchar(20);
alter table case_file add column cause_code varchar(20);
alter table case_file add column group_complaint boolean not null default false;
alter table case_file add column representatives int not null default 0;
alter table case_file add column classified_by varchar(100);

insert into case_code (kind, code, name_zh, name_en, keywords) values
 ('BUSINESS', 'B01', '借记卡', 'Debit cards', '借记卡,银行卡,吞卡,挂失,补卡,debit card,card,atm,swallowed'),
 ('BUSINESS', 'B02', '信用卡', 'Credit cards', '信用卡,账单,分期,额度,年费,credit card,statement,instalment,limit'),
 ('BUSINESS', 'B03', '个人贷款', 'Personal loans', '贷款,房贷,还款,利率,提前还款,loan,mortgage,repayment,interest rate'),
 ('BUSINESS', 'B04', '储蓄存款', 'Savings and deposits', '存款,存单,定期,活期,取款,deposit,savings,withdrawal'),
 ('BUSINESS', 'B05', '理财与代销', 'Wealth and agency products', '理财,基金,保险,收益,亏损,wealth,fund,insurance,return,loss'),
 ('BUSINESS', 'B06', '支付结算', 'Payments and settlement', '转账,汇款,到账,支付,扣款,transfer,remittance,payment,debited'),
 ('BUSINESS', 'B07', '电子银行', 'Online and mobile banking', '手机银行,网银,app,登录,验证码,mobile banking,online banking,login,app'),
 ('BUSINESS', 'B08', '外汇业务', 'Foreign exchange', '外汇,汇率,购汇,结汇,foreign exchange,exchange rate,fx'),
 ('BUSINESS', 'B09', '网点服务', 'Branch services', '网点,排队,柜台,等候,大堂,branch,queue,counter,waiting'),
 ('CAUSE', 'C01', '服务态度', 'Service attitude', '态度,不耐烦,冷漠,不礼貌,rude,impatient,attitude'),
 ('CAUSE', 'C02', '业务办理', 'Handling of the business', '未及时,拖延,办理,处理慢,没人,delay,slow,not handled,nobody'),
 ('CAUSE', 'C03', '收费与定价', 'Fees and pricing', '收费,手续费,年费,费用,退费,fee,charge,refund,price'),
 ('CAUSE', 'C04', '信息披露', 'Disclosure', '没告知,未说明,误导,隐瞒,not told,misleading,undisclosed'),
 ('CAUSE', 'C05', '营销方式', 'Sales practices', '推销,骚扰,电话营销,捆绑,selling,marketing calls,bundled'),
 ('CAUSE', 'C06', '资金安全', 'Security of funds', '盗刷,被骗,诈骗,资金损失,fraud,scam,stolen,unauthorised'),
 ('CAUSE', 'C07', '个人信息保护', 'Personal information', '个人信息,泄露,隐私,personal data,leak,privacy'),
 ('CAUSE', 'C08', '系统与设备故障', 'Systems and devices', '故障,系统,宕机,atm坏,failure,system down,broken,error'),
 ('CAUSE', 'C09', '合同与条款', 'Contract terms', '合同,条款,违约,contract,terms,clause');

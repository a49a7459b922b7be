import { TIERS } from '../../shared/domain/common/fields.js';
import type { CompanyCreate } from '../../shared/domain/customers/company.schema.js';
import type { ContactCreate } from '../../shared/domain/customers/contact.schema.js';
import { LIFECYCLE_STAGES } from '../../shared/domain/customers/contact.schema.js';

/**
 * Demo data for a first start: companies and contacts across several countries, with Chinese and
 * English names, tags, tiers, lifecycle stages and owners. Deterministic (seeded PRNG), so two
 * fresh starts show the same CRM.
 */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Place {
  country: string;
  region: string;
  city: string;
  street: string;
  postalCode: string;
  phone: (n: number) => string;
  chinese: boolean;
}

const PLACES: Place[] = [
  {
    country: 'CN',
    region: '上海',
    city: '上海',
    street: '南京西路 1266 号',
    postalCode: '200040',
    phone: (n) => `138${String(10000000 + n * 7919).slice(-8)}`,
    chinese: true,
  },
  {
    country: 'CN',
    region: '北京',
    city: '北京',
    street: '建国门外大街 1 号',
    postalCode: '100004',
    phone: (n) => `139${String(20000000 + n * 6101).slice(-8)}`,
    chinese: true,
  },
  {
    country: 'CN',
    region: '广东',
    city: '深圳',
    street: '深南大道 6011 号',
    postalCode: '518000',
    phone: (n) => `136${String(30000000 + n * 5003).slice(-8)}`,
    chinese: true,
  },
  {
    country: 'US',
    region: 'CA',
    city: 'San Francisco',
    street: '500 Howard St',
    postalCode: '94105',
    phone: (n) => `+1 415 555 01${String(n % 100).padStart(2, '0')}`,
    chinese: false,
  },
  {
    country: 'US',
    region: 'NY',
    city: 'New York',
    street: '350 5th Ave',
    postalCode: '10118',
    phone: (n) => `+1 212 555 01${String(n % 100).padStart(2, '0')}`,
    chinese: false,
  },
  {
    country: 'GB',
    region: 'England',
    city: 'London',
    street: '30 St Mary Axe',
    postalCode: 'EC3A 8BF',
    phone: (n) => `+44 20 7946 0${String(n % 1000).padStart(3, '0')}`,
    chinese: false,
  },
  {
    country: 'DE',
    region: 'Berlin',
    city: 'Berlin',
    street: 'Friedrichstraße 68',
    postalCode: '10117',
    phone: (n) => `+49 30 9018${String(n % 10000).padStart(4, '0')}`,
    chinese: false,
  },
  {
    country: 'SG',
    region: 'Singapore',
    city: 'Singapore',
    street: '1 Raffles Place',
    postalCode: '048616',
    phone: (n) => `+65 6${String(1000000 + n * 37).slice(-7)}`,
    chinese: true,
  },
  {
    country: 'JP',
    region: 'Tokyo',
    city: 'Tokyo',
    street: '1-1 Marunouchi, Chiyoda',
    postalCode: '100-0005',
    phone: (n) => `+81 3 ${String(1000 + (n % 9000))} ${String(5000 + (n % 4000))}`,
    chinese: false,
  },
];

const EN_COMPANIES = [
  'Northwind Traders',
  'Contoso Labs',
  'Fabrikam Works',
  'Globex Systems',
  'Initech Software',
  'Umbrella Health',
  'Stark Analytics',
  'Wayne Logistics',
  'Acme Robotics',
  'Hooli Cloud',
  'Vandelay Imports',
  'Soylent Foods',
  'Tyrell Biotech',
  'Cyberdyne Energy',
  'Oceanic Airlines',
];
const ZH_COMPANIES = [
  '华云科技',
  '东方贸易',
  '长江物流',
  '星海医疗',
  '金桥金融',
  '青松教育',
  '蓝天能源',
  '锦绣食品',
  '天工制造',
  '远航软件',
  '明德咨询',
  '恒信保险',
  '新禾农业',
  '瑞丰零售',
  '云帆传媒',
];
const ZH_DOMAINS = [
  'huayun-tech',
  'dongfang-trade',
  'changjiang-logistics',
  'xinghai-med',
  'jinqiao-fin',
  'qingsong-edu',
  'lantian-energy',
  'jinxiu-food',
  'tiangong-mfg',
  'yuanhang-soft',
  'mingde-consult',
  'hengxin-ins',
  'xinhe-agri',
  'ruifeng-retail',
  'yunfan-media',
];
const INDUSTRIES = [
  'Software',
  'Manufacturing',
  'Retail',
  'Healthcare',
  'Finance',
  'Logistics',
  'Education',
  'Energy',
  'Media',
];
const SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;
const TAGS = [
  'vip',
  'partner',
  'newsletter',
  'trade-show',
  'renewal-2027',
  'key-account',
  'referral',
  '重点客户',
  '华东',
];
const SOURCES = ['web', 'referral', 'event', 'import', 'ads', 'partner'];
const TITLES_EN = [
  'CEO',
  'CTO',
  'Head of Procurement',
  'Operations Manager',
  'IT Director',
  'Marketing Lead',
  'CFO',
  'Buyer',
];
const TITLES_ZH = ['总经理', '技术总监', '采购经理', '运营经理', '市场总监', '财务总监', '采购专员'];
const ZH_FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const ZH_GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '丽',
  '强',
  '建华',
  '晓东',
];
const ZH_PINYIN: Record<string, string> = {
  王: 'wang',
  李: 'li',
  张: 'zhang',
  刘: 'liu',
  陈: 'chen',
  杨: 'yang',
  黄: 'huang',
  赵: 'zhao',
  周: 'zhou',
  吴: 'wu',
  徐: 'xu',
  孙: 'sun',
  马: 'ma',
  朱: 'zhu',
  胡: 'hu',
};
const EN_GIVEN = [
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
  'Ethan',
  'Sophia',
  'Mason',
  'Mia',
  'Lucas',
  'Amelia',
  'Oliver',
  'Harper',
  'Elijah',
  'Grace',
  'James',
];
const EN_FAMILY = [
  'Smith',
  'Johnson',
  'Brown',
  'Taylor',
  'Miller',
  'Wilson',
  'Moore',
  'Anderson',
  'Clark',
  'Walker',
  'Young',
  'King',
  'Wright',
  'Scott',
];

export interface DemoCompany {
  ownerEmail: string;
  body: CompanyCreate;
}
export interface DemoContact {
  ownerEmail: string;
  companyIndex: number;
  body: Omit<ContactCreate, 'companyId'>;
}

const OWNERS = [
  'sales1@cirrus.local',
  'sales2@cirrus.local',
  'sales1@cirrus.local',
  'sales2@cirrus.local',
  'manager@cirrus.local',
];

export function demoData(companyCount = 30, contactCount = 200): { companies: DemoCompany[]; contacts: DemoContact[] } {
  const rnd = prng(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const companies: DemoCompany[] = [];
  for (let i = 0; i < companyCount; i++) {
    const zh = i % 2 === 1;
    const name = zh
      ? ZH_COMPANIES[Math.floor(i / 2) % ZH_COMPANIES.length]!
      : EN_COMPANIES[Math.floor(i / 2) % EN_COMPANIES.length]!;
    const slug = zh ? ZH_DOMAINS[Math.floor(i / 2) % ZH_DOMAINS.length]! : name.toLowerCase().replace(/[^a-z]+/g, '-');
    const place = zh ? PLACES[Math.floor(i / 2) % 3]! : PLACES[3 + (Math.floor(i / 2) % (PLACES.length - 3))]!;
    companies.push({
      ownerEmail: OWNERS[i % OWNERS.length]!,
      body: {
        name: i >= 30 ? `${name} ${i}` : name,
        domain: `${slug}${i >= 30 ? i : ''}.${zh ? 'cn' : 'com'}`,
        industry: pick(INDUSTRIES),
        size: pick(SIZES),
        address: {
          country: place.country,
          region: place.region,
          city: place.city,
          street: place.street,
          postalCode: place.postalCode,
        },
        tags: [pick(TAGS), pick(TAGS)],
        tier: pick(TIERS),
      },
    });
  }
  const contacts: DemoContact[] = [];
  for (let i = 0; i < contactCount; i++) {
    const companyIndex = i % companyCount;
    const company = companies[companyIndex]!;
    const country = company.body.address?.country ?? 'US';
    const place = PLACES.find((p) => p.country === country && p.city === company.body.address?.city) ?? PLACES[3]!;
    const zh = place.chinese && rnd() < 0.85;
    let name: string;
    let givenName: string;
    let familyName: string;
    let local: string;
    if (zh) {
      familyName = pick(ZH_FAMILY);
      givenName = pick(ZH_GIVEN);
      name = `${familyName}${givenName}`;
      local = `${ZH_PINYIN[familyName]}.${i}`;
    } else {
      givenName = pick(EN_GIVEN);
      familyName = pick(EN_FAMILY);
      name = `${givenName} ${familyName}`;
      local = `${givenName}.${familyName}${i}`.toLowerCase();
    }
    contacts.push({
      ownerEmail: company.ownerEmail,
      companyIndex,
      body: {
        name,
        givenName,
        familyName,
        email: `${local}@${company.body.domain}`,
        phone: place.phone(i),
        title: zh ? pick(TITLES_ZH) : pick(TITLES_EN),
        address: { country: place.country, region: place.region, city: place.city },
        tags: [...new Set([pick(TAGS), ...(rnd() < 0.5 ? [pick(TAGS)] : [])])],
        lifecycleStage: pick(LIFECYCLE_STAGES),
        tier: pick(TIERS),
        source: pick(SOURCES),
        marketingConsent: rnd() < 0.6,
      },
    });
  }
  return { companies, contacts };
}

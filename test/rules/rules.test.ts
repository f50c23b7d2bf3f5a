/** Every rule through the rule tester (test/rules/tester.ts): its valid and invalid cases, run by the real engine. */
import { GONGKAI_TESTS } from './cases/gongkai';
import { NARRATIVE_TESTS } from './cases/narrative';
import { READING_TESTS } from './cases/reading';
import { SELFEVAL_TESTS } from './cases/selfeval';
import { runRuleTests } from './tester';

describe('公开表', () => runRuleTests(GONGKAI_TESTS));
describe('自评表', () => runRuleTests(SELFEVAL_TESTS));
describe('说明', () => runRuleTests(NARRATIVE_TESTS));
describe('读取', () => runRuleTests(READING_TESTS));

package org.fangfanpin.examples.register;

/**
 * A column of the household register CSV (户登记表列). The header names are the field names the
 * spi reports problems under, so a problem's {@code field} is always a column of the file.
 */
enum RegisterColumn {
  HOUSEHOLD_ID("household_id", "户编号"),
  AREA_CODE("area_code", "所在村区划代码"),
  STATUS("status", "户类型"),
  MEMBERS("members", "家庭人口"),
  WORKERS("workers", "劳动力人数"),
  STUDENTS_SENIOR("students_senior", "高中及以上在校生人数"),
  DISABLED("disabled", "残疾人数"),
  SERIOUSLY_ILL("seriously_ill", "大病人数"),
  ANNUAL_NET_INCOME_YUAN("annual_net_income_yuan", "近12个月家庭纯收入"),
  PREVIOUS_YEAR_INCOME_YUAN("previous_year_income_yuan", "上年度家庭纯收入"),
  RIGID_EXPENDITURE_YUAN("rigid_expenditure_yuan", "刚性支出"),
  FOOD_CLOTHING_SECURE("food_clothing_secure", "吃穿不愁"),
  EDUCATION_SECURE("education_secure", "义务教育有保障"),
  MEDICAL_SECURE("medical_secure", "基本医疗有保障"),
  HOUSING_SECURE("housing_secure", "住房安全有保障"),
  WATER_SECURE("water_secure", "饮水安全有保障"),
  DIBAO("dibao", "低保户"),
  TEKUN("tekun", "特困供养户"),
  HEAD_ID_NUMBER("head_id_number", "户主身份证号码");

  /** Every column, in the order the generator writes them. */
  static final RegisterColumn[] ALL = values();

  private final String header;
  private final String zh;

  RegisterColumn(String header, String zh) {
    this.header = header;
    this.zh = zh;
  }

  /** The name in the header row, e.g. {@code annual_net_income_yuan}. */
  String header() {
    return header;
  }

  /** The Chinese name, for messages. */
  String zh() {
    return zh;
  }
}

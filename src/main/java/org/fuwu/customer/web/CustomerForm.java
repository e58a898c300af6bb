package org.fuwu.customer.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fuwu.customer.PreferentialClass;
import org.fuwu.customer.Segment;
import org.fuwu.customer.internal.Channel;
import org.fuwu.customer.internal.CustomerStatus;
import org.fuwu.customer.internal.CustomerView;
import org.fuwu.customer.internal.Gender;
import org.springframework.format.annotation.DateTimeFormat;

/** The create and edit form of a customer (a mutable form bean, bound by Spring MVC and Thymeleaf). */
public class CustomerForm {

    private String name;
    private Gender gender = Gender.UNKNOWN;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;
    private Segment segment = Segment.ORDINARY;
    private List<PreferentialClass> preferentialClasses = new ArrayList<>();
    private String mobile;
    private String idNumber;
    private String cardNumber;
    private String email;
    private String wechatOpenId;
    private String appUserId;
    private String homeBranchCode;
    private String preferredLanguage = "zh-CN";
    private boolean marketingConsent;
    private Channel channel = Channel.BRANCH;
    private CustomerStatus status = CustomerStatus.ACTIVE;
    private Long version;

    static CustomerForm of(CustomerView v) {
        CustomerForm f = new CustomerForm();
        f.name = v.name();
        f.gender = v.gender();
        f.segment = v.segment();
        f.preferentialClasses = new ArrayList<>(v.flaggedClasses());
        f.homeBranchCode = v.homeBranchCode();
        f.preferredLanguage = v.preferredLanguage();
        f.marketingConsent = v.marketingConsent();
        f.status = v.status();
        f.version = v.version();
        return f;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Gender getGender() {
        return gender;
    }

    public void setGender(Gender gender) {
        this.gender = gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public Segment getSegment() {
        return segment;
    }

    public void setSegment(Segment segment) {
        this.segment = segment;
    }

    public List<PreferentialClass> getPreferentialClasses() {
        return preferentialClasses;
    }

    public void setPreferentialClasses(List<PreferentialClass> preferentialClasses) {
        this.preferentialClasses = preferentialClasses == null ? new ArrayList<>() : preferentialClasses;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getWechatOpenId() {
        return wechatOpenId;
    }

    public void setWechatOpenId(String wechatOpenId) {
        this.wechatOpenId = wechatOpenId;
    }

    public String getAppUserId() {
        return appUserId;
    }

    public void setAppUserId(String appUserId) {
        this.appUserId = appUserId;
    }

    public String getHomeBranchCode() {
        return homeBranchCode;
    }

    public void setHomeBranchCode(String homeBranchCode) {
        this.homeBranchCode = homeBranchCode;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public boolean isMarketingConsent() {
        return marketingConsent;
    }

    public void setMarketingConsent(boolean marketingConsent) {
        this.marketingConsent = marketingConsent;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public CustomerStatus getStatus() {
        return status;
    }

    public void setStatus(CustomerStatus status) {
        this.status = status;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

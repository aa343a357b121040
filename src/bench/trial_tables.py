#!/usr/bin/env python3
# The tables of a new user's trial (2026-12-07) behind README's "Redrawing the loosely tied columns" and the report's
# worst-pair line: a patient table whose one risk factor drives a rare label, a table of repeated rows, a 10,000-row
# loan table. Seeded: the same files on every run. Usage: python3 src/bench/trial_tables.py OUT_DIR
import os, sys

def write_small(OUT):
    """patients (800 rows: diagnosis drives readmitted, dd/MM/yyyy dates)"""
    import numpy as np, csv, datetime
    rng=np.random.default_rng(11)
    with open(OUT + "/patients.csv","w",newline="") as f:
        w=csv.writer(f); w.writerow(["patient_id","sex","age","height_cm","weight_kg","systolic","smoker","visit_date","diagnosis","cost_eur","readmitted"])
        for i in range(800):
            sex=rng.choice(["F","M"]); age=int(np.clip(rng.normal(55,15),18,95))
            h=round(float(rng.normal(165 if sex=="F" else 178,7)),1); wgt=round(float(h-100+rng.normal(0,12)),1)
            sys_=int(110+0.5*age+rng.normal(0,12)); smk=rng.choice(["yes","no"],p=[.22,.78])
            d=datetime.date(2023,1,1)+datetime.timedelta(days=int(rng.integers(0,365)))
            dx=rng.choice(["hypertension","diabetes","asthma","copd","other"],p=[.35,.25,.15,.1,.15])
            cost=round(float(np.exp(rng.normal(6.5,0.9))),2); re=int(rng.random()<0.12+0.1*(dx=="copd"))
            w.writerow(["P%05d"%(i+1),sex,age,h,wgt,sys_,smk,d.strftime("%d/%m/%Y"),dx,"%.2f"%cost,re])

def write_dup(OUT):
    """dupsmall (3,000 rows of few combinations, 5 rows that occur once) and dupmixed"""
    import numpy as np, csv
    rng=np.random.default_rng(3)
    # table A: 3000 rows, 5 small columns, few combos
    with open(OUT + "/dupsmall.csv","w",newline="") as f:
        w=csv.writer(f); w.writerow(["plan","active","region","seats","auto_renew"])
        for i in range(2995):
            plan=rng.choice(["basic","pro","team"],p=[.6,.3,.1]); active=rng.random()<.8
            region=rng.choice(["EU","US","APAC"],p=[.5,.35,.15]); seats=int(rng.choice([1,2,5,10],p=[.55,.25,.15,.05]))
            ar="yes" if rng.random()<(.7 if plan!="basic" else .3) else "no"
            w.writerow([plan,str(active).lower(),region,seats,ar])
        # 5 unique rare rows
        for r in [["enterprise","false","LATAM",250,"no"],["enterprise","true","MEA",500,"yes"],["basic","true","LATAM",3,"no"],["pro","false","MEA",7,"yes"],["team","true","LATAM",20,"no"]]:
            w.writerow(r)
    # table B: mixed numeric 2000 base rows + 30% verbatim repeats
    base=[]
    for i in range(2100):
        age=int(rng.integers(18,80)); inc=round(float(np.exp(rng.normal(10.5,0.6))),2)
        score=round(float(rng.normal(0,1)),3); cat=rng.choice(["a","b","c","d"]); n=int(rng.poisson(2))
        base.append([age,inc,score,cat,n])
    rows=list(base)
    rep=rng.choice(len(base), size=900, replace=True)
    rows+= [base[k] for k in rep]
    rng.shuffle(rows)
    with open(OUT + "/dupmixed.csv","w",newline="") as f:
        w=csv.writer(f); w.writerow(["age","income","score","segment","visits"])
        for r in rows: w.writerow([r[0],"%.2f"%r[1],"%.3f"%r[2],r[3],r[4]])

def write_wide(OUT):
    """loans (10,000 × 26, LendingClub-like; int_rate set by sub_grade)"""
    import numpy as np, csv, datetime
    rng = np.random.default_rng(42)
    N = 10000
    grades = list("ABCDEFG")
    gp = np.array([0.18,0.28,0.24,0.15,0.09,0.04,0.02])
    states = ["S%02d" % i for i in range(48)]
    sp = 1/np.arange(1,49)**1.1; sp/=sp.sum()
    purposes = ["debt_consolidation","credit_card","home_improvement","other","major_purchase","medical","car","small_business",
     "moving","vacation","house","wedding","renewable_energy","educational"]
    pp = 1/np.arange(1,15)**1.5; pp/=pp.sum()
    emp = ["< 1 year","1 year","2 years","3 years","4 years","5 years","6 years","7 years","8 years","9 years","10+ years"]
    jobs = ["Teacher","Manager","Registered Nurse","Owner","Supervisor","Sales","Driver","Engineer","Office Manager","Project Manager",
     "General Manager","Director","Truck Driver","President","Attorney","Accountant","Analyst","Technician","Operator","Nurse",
     "Police Officer","Mechanic","Server","Clerk","Consultant","Administrator","Electrician","Pharmacist","Cashier","Chef",
     "Designer","Developer","Scientist","Therapist","Paralegal","Banker","Realtor","Pilot"]
    jp = 1/np.arange(1,len(jobs)+1)**0.9; jp/=jp.sum()
    rows=[]
    start = datetime.date(2018,1,1)
    for i in range(N):
        g = rng.choice(7,p=gp); grade=grades[g]
        sub = grade + str(rng.integers(1,6))
        rate = round(6 + g*3.5 + (int(sub[1])-1)*0.7 + rng.normal(0,0.4),2)
        amount = round(float(np.exp(rng.normal(9.3,0.7))),2)
        amount = min(max(amount,500.0),40000.0)
        term = " 36 months" if rng.random()<0.72 else " 60 months"
        income = round(float(np.exp(rng.normal(11.0,0.55))),2)
        dti = round(float(np.clip(rng.gamma(4,4.5),0,60)),2)
        delinq = int(rng.poisson(0.8)) if rng.random()<0.18 else 0
        inq = int(rng.poisson(1.5)) if rng.random()<0.45 else 0
        pub = int(rng.poisson(0.3)) if rng.random()<0.1 else 0
        months_since = "" if rng.random()<0.85 else str(int(rng.integers(1,120)))  # mostly missing
        revol_bal = round(float(np.exp(rng.normal(9,1.2))) if rng.random()>0.05 else 0.0,2)
        revol_util = round(float(np.clip(rng.beta(2,2.5)*100,0,100)),1)
        open_acc = int(np.clip(rng.poisson(11),1,50))
        total_acc = open_acc + int(rng.poisson(12))
        home = rng.choice(["RENT","MORTGAGE","OWN","OTHER"],p=[0.42,0.45,0.12,0.01])
        verified = rng.choice(["Verified","Source Verified","Not Verified"])
        issue = start + datetime.timedelta(days=int(rng.integers(0,1460)))
        emp_len = emp[rng.integers(0,11)] if rng.random()>0.06 else ""
        job = jobs[rng.choice(len(jobs),p=jp)]
        st = states[rng.choice(48,p=sp)]
        purpose = purposes[rng.choice(14,p=pp)]
        installment = round(amount*(rate/1200)/(1-(1+rate/1200)**(-(36 if "36" in term else 60))),2)
        fico = int(np.clip(rng.normal(720-g*15,20),600,850)//5*5)
        logit = -3 + 0.35*g + 0.02*dti + 0.3*delinq - 0.003*(fico-700)
        default = int(rng.random() < 1/(1+np.exp(-logit)))
        rows.append([i+100001, amount, term, rate, installment, grade, sub, emp_len, job, home, income, verified,
                     issue.isoformat(), purpose, st, dti, delinq, inq, pub, months_since, revol_bal, revol_util,
                     open_acc, total_acc, fico, default])
    hdr=["loan_id","loan_amnt","term","int_rate","installment","grade","sub_grade","emp_length","emp_title","home_ownership",
     "annual_inc","verification_status","issue_d","purpose","addr_state","dti","delinq_2yrs","inq_last_6mths","pub_rec",
     "mths_since_last_delinq","revol_bal","revol_util","open_acc","total_acc","fico","defaulted"]
    with open(OUT + "/loans.csv","w",newline="") as f:
        w=csv.writer(f); w.writerow(hdr)
        for r in rows:
            r=[("%.2f"%x if isinstance(x,float) and hdr[k] in ("loan_amnt","installment","annual_inc","revol_bal","int_rate","dti") else x) for k,x in enumerate(r)]
            w.writerow(r)

if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write_small(out)
    write_dup(out)
    write_wide(out)

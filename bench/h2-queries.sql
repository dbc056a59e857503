totals
select (select count(distinct s.municipality_id) from school s where (:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool)),
       (select count(*) from school s where (:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool)),
       (select coalesce(sum(v.rows_total), 0) from result_summary v join school s on s.id = v.school_id where (:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool)),
       (select coalesce(sum(v.participants), 0) from result_summary v join school s on s.id = v.school_id where (:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool))
;
years
select distinct a.exam_year from result_summary v join assessment a on a.id = v.assessment_id
join school s on s.id = v.school_id where (:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool) order by a.exam_year desc
;
regionLatest
select max(a.exam_year) from result_summary v join assessment a on a.id = v.assessment_id
;
unitsSchool
select s.id, s.code, s.name, s.school_type, s.settlement, 1
from school s
where (:municipality = 0 or s.municipality_id = :municipality) and (:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool)
order by s.name
;
sumsMun
select s.municipality_id, a.exam_year, a.kind, sum(v.participants), sum(v.mark2), sum(v.mark3), sum(v.mark4),
       sum(v.mark5), sum(v.test_sum), sum(v.test_n)
from result_summary v join assessment a on a.id = v.assessment_id join school s on s.id = v.school_id
where a.exam_year in (:year, :previous) and (:municipality = 0 or s.municipality_id = :municipality)
  and (:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool)
group by s.municipality_id, a.exam_year, a.kind
;
zones
select s.id, r.exam_year, r.zone, count(*)
from analysis_risk r join school s on s.id = r.school_id
where r.run_id = :run and r.exam_year in (:year, :previous)
  and (:municipality = 0 or s.municipality_id = :municipality) and (:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool)
group by s.id, r.exam_year, r.zone
;
signs
select s.id, g.exam_year, count(*)
from analysis_sign g join school s on s.id = g.school_id
where g.run_id = :run and g.counted = true and g.exam_year in (:year, :previous)
  and (:municipality = 0 or s.municipality_id = :municipality) and (:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool)
group by s.id, g.exam_year
;
loaded
select a.kind, a.exam_year, count(distinct a.id), count(distinct v.school_id), sum(v.rows_total)
from result_summary v
join assessment a on a.id = v.assessment_id
join school s on s.id = v.school_id
where (:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool)
group by a.kind, a.exam_year
order by a.exam_year desc, a.kind
;
schoolProcedures
select a.id, a.kind, a.exam_year, sub.name, a.grade, a.task_layout,
       sum(v.participants), sum(v.absent),
       sum(v.primary_sum) / nullif(sum(v.primary_n), 0),
       sum(v.test_sum) / nullif(sum(v.test_n), 0),
       sum(v.mark2), sum(v.mark3), sum(v.mark4), sum(v.mark5),
       sum(v.passed), sum(v.failed), sum(v.winners), sum(v.prize_winners)
from result_summary v
join assessment a on a.id = v.assessment_id
join subject sub on sub.id = a.subject_id
where v.school_id = :school
group by a.id, a.kind, a.exam_year, sub.name, a.grade, a.task_layout
order by a.exam_year desc, a.kind, sub.name, a.grade
;
schoolProceduresView
select a.id, a.kind, a.exam_year, sub.name, a.grade, a.task_layout,
       sum(v.participants), sum(v.absent),
       sum(v.primary_sum) / nullif(sum(v.primary_n), 0),
       sum(v.test_sum) / nullif(sum(v.test_n), 0),
       sum(v.mark2), sum(v.mark3), sum(v.mark4), sum(v.mark5),
       sum(v.passed), sum(v.failed), sum(v.winners), sum(v.prize_winners)
from result_stats v
join assessment a on a.id = v.assessment_id
join subject sub on sub.id = a.subject_id
where v.school_id = :school
group by a.id, a.kind, a.exam_year, sub.name, a.grade, a.task_layout
order by a.exam_year desc, a.kind, sub.name, a.grade
;
nojoin
select sum(participants) from result_summary
;
joinPlain
select sum(v.participants) from result_summary v join school s on s.id = v.school_id where s.municipality_id <> 0
;
joinScope
select sum(v.participants) from result_summary v join school s on s.id = v.school_id where (:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool)
;
joinAssess
select a.exam_year, sum(v.participants) from result_summary v join assessment a on a.id = v.assessment_id group by a.exam_year
;

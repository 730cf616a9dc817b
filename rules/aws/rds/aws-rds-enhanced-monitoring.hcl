rule "aws-rds-enhanced-monitoring" {
  title     = "RDS or Aurora instance does not enable Enhanced Monitoring"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_db_instance", "aws_rds_cluster_instance"]
  aliases   = ["CKV_AWS_118"]

  description = <<-EOT
    Enhanced Monitoring collects operating-system metrics and the process list of the database
    host every 1 to 60 seconds. CloudWatch's standard RDS metrics are one-minute hypervisor
    averages and do not show which process consumes CPU or memory, so an unexpected workload
    (crypto-mining through a compromised extension, a runaway export) goes unseen. It is off
    while `monitoring_interval` is `0`, the default, and needs a `monitoring_role_arn`.
    Monitoring is the customer's side of the shared responsibility model. Severity is low:
    visibility, not protection.
  EOT
  remediation = <<-EOT
    Turn Enhanced Monitoring on with a role that RDS may assume:

    ```hcl
    resource "aws_db_instance" "app" {
      # ...
      monitoring_interval = 60
      monitoring_role_arn = aws_iam_role.rds_monitoring.arn
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#monitoring_interval",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster_instance#monitoring_interval",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html",
  ]

  assert {
    attribute "monitoring_interval" {
      gt      = 0
      default = 0
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_rds_cluster_instance" "app" {  # expect: aws-rds-enhanced-monitoring
        identifier         = "app-1"
        cluster_identifier = "app"
        instance_class     = "db.r6g.large"
        engine             = "aurora-postgresql"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_db_instance" "app" {
        identifier                  = "app"
        engine                      = "postgres"
        instance_class              = "db.t3.micro"
        allocated_storage           = 20
        username                    = "app"
        manage_master_user_password = true
        monitoring_interval         = 0  # expect: aws-rds-enhanced-monitoring
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_db_instance" "app" {
        identifier                  = "app"
        engine                      = "postgres"
        instance_class              = "db.t3.micro"
        allocated_storage           = 20
        username                    = "app"
        manage_master_user_password = true
        monitoring_interval         = 60
        monitoring_role_arn         = "arn:aws:iam::111122223333:role/rds-monitoring"
      }
    EOT
  }
}

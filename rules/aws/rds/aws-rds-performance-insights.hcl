rule "aws-rds-performance-insights" {
  title     = "RDS or Aurora instance does not enable Performance Insights"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_db_instance", "aws_rds_cluster_instance"]
  aliases   = ["AVD-AWS-0133", "aws-rds-enable-performance-insights"]

  description = <<-EOT
    Performance Insights records database load by query, wait event, user and host. Besides
    tuning, it is where an unusual query pattern (a bulk export, an enumeration run from an
    unexpected host) first shows, and it keeps seven days of that history free of charge.
    `performance_insights_enabled` defaults to `false`. Monitoring the database is the
    customer's side of the shared responsibility model. Severity is low: visibility, not
    protection.
  EOT
  remediation = <<-EOT
    Turn Performance Insights on, encrypted with a customer-managed key:

    ```hcl
    resource "aws_rds_cluster_instance" "app" {
      # ...
      performance_insights_enabled    = true
      performance_insights_kms_key_id = aws_kms_key.db.arn
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#performance_insights_enabled",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster_instance#performance_insights_enabled",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.html",
  ]

  assert {
    attribute "performance_insights_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_rds_cluster_instance" "app" {  # expect: aws-rds-performance-insights
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
        identifier                   = "app"
        engine                       = "postgres"
        instance_class               = "db.t3.micro"
        allocated_storage            = 20
        username                     = "app"
        manage_master_user_password  = true
        performance_insights_enabled = false  # expect: aws-rds-performance-insights
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_rds_cluster_instance" "app" {
        identifier                   = "app-1"
        cluster_identifier           = "app"
        instance_class               = "db.r6g.large"
        engine                       = "aurora-postgresql"
        performance_insights_enabled = true
      }
    EOT
  }
}

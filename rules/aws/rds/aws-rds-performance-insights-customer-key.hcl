rule "aws-rds-performance-insights-customer-key" {
  title     = "RDS Performance Insights data is not encrypted with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_db_instance", "aws_rds_cluster_instance"]
  aliases   = ["AVD-AWS-0078", "aws-rds-performance-insights-encryption-customer-key"]

  description = <<-EOT
    Performance Insights stores the text of the SQL statements that run on the database, which
    can include literal values: names, e-mail addresses, sometimes secrets. Without
    `performance_insights_kms_key_id` that data is encrypted with the AWS-managed RDS key, whose
    policy the customer cannot restrict; a customer-managed key decides who may read it and logs
    each use. The key can only be chosen when Performance Insights is first turned on. The
    choice of key is the customer's side of the shared responsibility model. Only instances with
    Performance Insights enabled are checked. Severity is low: the data is encrypted; only
    control over the key is missing.
  EOT
  remediation = <<-EOT
    Name a customer-managed key when enabling Performance Insights:

    ```hcl
    resource "aws_db_instance" "app" {
      # ...
      performance_insights_enabled    = true
      performance_insights_kms_key_id = aws_kms_key.db.arn
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#performance_insights_kms_key_id",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster_instance#performance_insights_kms_key_id",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.Enabling.html",
  ]

  when {
    attribute "performance_insights_enabled" {
      equals  = true
      default = false
    }
  }

  assert {
    attribute "performance_insights_kms_key_id" {
      present     = true
      not_matches = "^$|alias/aws/rds$"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_rds_cluster_instance" "app" {  # expect: aws-rds-performance-insights-customer-key
        identifier                   = "app-1"
        cluster_identifier           = "app"
        instance_class               = "db.r6g.large"
        engine                       = "aurora-postgresql"
        performance_insights_enabled = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_db_instance" "app" {
        identifier                      = "app"
        engine                          = "postgres"
        instance_class                  = "db.t3.micro"
        allocated_storage               = 20
        username                        = "app"
        manage_master_user_password     = true
        performance_insights_enabled    = true
        performance_insights_kms_key_id = ""  # expect: aws-rds-performance-insights-customer-key
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "db" {
        description         = "database telemetry"
        enable_key_rotation = true
      }

      resource "aws_db_instance" "app" {
        identifier                      = "app"
        engine                          = "postgres"
        instance_class                  = "db.t3.micro"
        allocated_storage               = 20
        username                        = "app"
        manage_master_user_password     = true
        performance_insights_enabled    = true
        performance_insights_kms_key_id = aws_kms_key.db.arn
      }
    EOT
  }

  # Performance Insights off: nothing to encrypt.
  example "good" {
    code = <<-EOT
      resource "aws_rds_cluster_instance" "app" {
        identifier         = "app-1"
        cluster_identifier = "app"
        instance_class     = "db.r6g.large"
        engine             = "aurora-postgresql"
      }
    EOT
  }
}

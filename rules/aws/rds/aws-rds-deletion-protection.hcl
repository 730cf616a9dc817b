rule "aws-rds-deletion-protection" {
  title     = "RDS database does not have deletion protection enabled"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_db_instance", "aws_rds_cluster"]
  aliases = [
    "CKV_AWS_293", "CKV_AWS_139",
    "AVD-AWS-0177", "aws-rds-enable-deletion-protection",
    "AVD-AWS-0343", "aws-rds-enable-cluster-deletion-protection",
  ]

  description = <<-EOT
    Deletion protection makes RDS refuse to delete the database until the flag is turned off in a
    separate change. Without it, one mistaken `terraform destroy`, a resource rename that forces
    replacement, or a compromised credential with `rds:DeleteDBInstance` removes the database
    (and, with `skip_final_snapshot` or `delete_automated_backups`, its backups). Protecting
    production data from deletion is the customer's responsibility under the shared
    responsibility model. `deletion_protection` defaults to `false`.
  EOT
  remediation = "Set `deletion_protection = true` on production `aws_db_instance` and `aws_rds_cluster` resources (and keep `skip_final_snapshot = false`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster",
    "https://aws.amazon.com/about-aws/whats-new/2018/09/amazon-rds-now-provides-database-deletion-protection/",
  ]

  assert {
    attribute "deletion_protection" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_rds_cluster" "app" {  # expect: aws-rds-deletion-protection
        cluster_identifier          = "app"
        engine                      = "aurora-postgresql"
        master_username             = "app"
        manage_master_user_password = true
        storage_encrypted           = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_db_instance" "app" {
        identifier                  = "app"
        engine                      = "postgres"
        instance_class              = "db.t4g.micro"
        allocated_storage           = 20
        username                    = "app"
        manage_master_user_password = true
        storage_encrypted           = true
        deletion_protection         = true
      }
    EOT
  }
}

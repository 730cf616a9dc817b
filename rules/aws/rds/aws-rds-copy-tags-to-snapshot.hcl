rule "aws-rds-copy-tags-to-snapshot" {
  title     = "RDS instance or Aurora cluster does not copy its tags to snapshots"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_db_instance", "aws_rds_cluster"]
  aliases   = ["CKV2_AWS_60", "CKV_AWS_313"]

  description = <<-EOT
    Snapshots outlive the database they came from and are what gets copied, shared and restored.
    When `copy_tags_to_snapshot` is off (its default), snapshots carry none of the database's
    tags, so tag-based access control (`aws:ResourceTag` conditions on `rds:RestoreDBInstanceFromDBSnapshot`
    or `rds:ModifyDBSnapshotAttribute`), data-classification tags and ownership are lost on the
    copy, and policies written for the database do not cover its data at rest in a snapshot.
    Tagging is the customer's configuration under the shared responsibility model. Severity is
    low: a governance gap, not an exposure.
  EOT
  remediation = <<-EOT
    Copy the tags to every snapshot:

    ```hcl
    resource "aws_db_instance" "app" {
      # ...
      copy_tags_to_snapshot = true
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#copy_tags_to_snapshot",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#copy_tags_to_snapshot",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags",
  ]

  assert {
    attribute "copy_tags_to_snapshot" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_db_instance" "app" {  # expect: aws-rds-copy-tags-to-snapshot
        identifier                  = "app"
        engine                      = "postgres"
        instance_class              = "db.t3.micro"
        allocated_storage           = 20
        username                    = "app"
        manage_master_user_password = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_rds_cluster" "app" {
        cluster_identifier          = "app"
        engine                      = "aurora-postgresql"
        master_username             = "app"
        manage_master_user_password = true
        copy_tags_to_snapshot       = false  # expect: aws-rds-copy-tags-to-snapshot
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_rds_cluster" "app" {
        cluster_identifier          = "app"
        engine                      = "aurora-postgresql"
        master_username             = "app"
        manage_master_user_password = true
        copy_tags_to_snapshot       = true
      }
    EOT
  }
}

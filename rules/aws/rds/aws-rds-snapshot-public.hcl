rule "aws-rds-snapshot-public" {
  title     = "RDS snapshot is shared with all AWS accounts"
  severity  = "critical"
  area      = "data-protection"
  resources = ["aws_db_snapshot"]

  description = <<-EOT
    `shared_accounts = ["all"]` makes a manual DB snapshot public: any AWS account in the world
    can copy it or restore it into a database of its own and read every table, including
    password hashes and personal data. Public snapshots are a recurring cause of data breaches,
    found by automated scans within hours. RDS refuses to make an encrypted snapshot public, but
    that guard does not apply to unencrypted snapshots. Sharing is the customer's decision under
    the shared responsibility model. Severity is critical: a full copy of the data is directly
    exposed to the public.
  EOT
  remediation = <<-EOT
    Share the snapshot only with the accounts that need it, or not at all:

    ```hcl
    resource "aws_db_snapshot" "release" {
      db_instance_identifier = aws_db_instance.app.identifier
      db_snapshot_identifier = "app-release"
      shared_accounts        = ["111122223333"]
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_snapshot#shared_accounts",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html",
  ]

  assert {
    attribute "shared_accounts" {
      not_contains = "all"
      default      = []
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_db_snapshot" "release" {
        db_instance_identifier = "app"
        db_snapshot_identifier = "app-release"
        shared_accounts        = ["all"]  # expect: aws-rds-snapshot-public
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "snapshot_share_with" {
        type    = list(string)
        default = ["111122223333", "all"]
      }

      resource "aws_db_snapshot" "release" {
        db_instance_identifier = "app"
        db_snapshot_identifier = "app-release"
        shared_accounts        = var.snapshot_share_with  # expect: aws-rds-snapshot-public
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_db_snapshot" "release" {
        db_instance_identifier = "app"
        db_snapshot_identifier = "app-release"
        shared_accounts        = ["111122223333"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_db_snapshot" "release" {
        db_instance_identifier = "app"
        db_snapshot_identifier = "app-release"
      }
    EOT
  }
}

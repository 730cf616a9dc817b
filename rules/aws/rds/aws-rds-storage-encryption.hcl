rule "aws-rds-storage-encryption" {
  title     = "RDS database storage is not encrypted"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_db_instance", "aws_rds_cluster"]
  aliases = [
    "CKV_AWS_16", "CKV_AWS_96",
    "AVD-AWS-0080", "aws-rds-encrypt-instance-storage-data",
    "AVD-AWS-0079", "aws-rds-encrypt-cluster-storage-data",
  ]
  compliance = {
    "cis-aws-1.4" = ["2.3.1"]
    "cis-aws-3.0" = ["2.3.1"]
  }

  description = <<-EOT
    Without storage encryption the database files, automated backups, read replicas and snapshots
    of an RDS instance or Aurora cluster are stored unencrypted; a snapshot shared or copied by
    mistake exposes all of the data. Encryption can only be chosen when the database is created:
    turning it on later means restoring an encrypted copy of a snapshot. RDS is a managed service,
    but whether the data is encrypted and with which key is a setting the customer makes.
    `storage_encrypted` defaults to `false` for `aws_db_instance` and for provisioned
    `aws_rds_cluster`; Aurora Serverless v1 clusters (`engine_mode = "serverless"`) are always
    encrypted and are accepted. Read replicas and databases restored from a snapshot take their
    encryption from the source, so they are not checked here. Trivy's AVD-AWS-0079 also reports
    a cluster that is encrypted with the AWS-managed key (no `kms_key_id`); onus deliberately
    counts that storage as encrypted, since which key protects it is a separate decision.
  EOT
  remediation = "Set `storage_encrypted = true` (and `kms_key_id` to a customer-managed key where required) when creating the database; for an existing one, restore from an encrypted snapshot copy."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html",
  ]

  when {
    attribute "replicate_source_db" {
      present = false
    }
    attribute "replication_source_identifier" {
      present = false
    }
    attribute "snapshot_identifier" {
      present = false
    }
  }

  assert {
    any {
      attribute "storage_encrypted" {
        equals  = true
        default = false
      }
      # aws_rds_cluster only: Aurora Serverless v1 storage is always encrypted.
      attribute "engine_mode" {
        equals = "serverless"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_db_instance" "app" {  # expect: aws-rds-storage-encryption
        identifier                  = "app"
        engine                      = "postgres"
        instance_class              = "db.t4g.micro"
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
        storage_encrypted           = false  # expect: aws-rds-storage-encryption
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
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "db" {
        description         = "Aurora storage"
        enable_key_rotation = true
      }

      resource "aws_rds_cluster" "app" {
        cluster_identifier          = "app"
        engine                      = "aurora-postgresql"
        master_username             = "app"
        manage_master_user_password = true
        storage_encrypted           = true
        kms_key_id                  = aws_kms_key.db.arn
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_rds_cluster" "legacy" {
        cluster_identifier          = "legacy"
        engine                      = "aurora-mysql"
        engine_mode                 = "serverless"
        master_username             = "app"
        manage_master_user_password = true
      }
    EOT
  }
}

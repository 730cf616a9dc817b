rule "aws-docdb-customer-key" {
  title     = "DocumentDB cluster storage is not encrypted with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_docdb_cluster"]
  aliases   = ["CKV_AWS_182", "AVD-AWS-0022", "aws-documentdb-encryption-customer-key"]

  description = <<-EOT
    A DocumentDB cluster stores its documents, indexes, backups and snapshots on encrypted storage when `storage_encrypted = true`.
    Without `kms_key_id` the storage is encrypted (where encryption is on) with the AWS-managed
    DocumentDB key, whose key policy AWS writes and the customer cannot restrict: anyone allowed to
    use the service in the account can decrypt through it, snapshots encrypted with it cannot be
    shared with another account, and access cannot be cut off by disabling the key. A
    customer-managed key gives the customer that control and a CloudTrail record of each use.
    The key can only be chosen when the cluster is created. Which key protects the data is the
    customer's decision under the shared responsibility model. Severity is low: the data is
    encrypted; only control over the key is missing (unencrypted storage is reported by the
    storage-encryption rule).
  EOT
  remediation = <<-EOT
    Create the cluster with a customer-managed KMS key:

    ```hcl
    resource "aws_kms_key" "db" {
      description         = "DocumentDB storage"
      enable_key_rotation = true
    }

    resource "aws_docdb_cluster" "docs" {
      # ...
      storage_encrypted = true
      kms_key_id = aws_kms_key.db.arn
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster#kms_key_id",
    "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#customer-cmk",
  ]

  assert {
    attribute "kms_key_id" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_docdb_cluster" "docs" {  # expect: aws-docdb-customer-key
        cluster_identifier          = "docs"
        master_username             = "docs"
        manage_master_user_password = true
        storage_encrypted           = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "db" {
        description         = "DocumentDB storage"
        enable_key_rotation = true
      }

      resource "aws_docdb_cluster" "docs" {
        cluster_identifier          = "docs"
        master_username             = "docs"
        manage_master_user_password = true
        storage_encrypted           = true
        kms_key_id                  = aws_kms_key.db.arn
      }
    EOT
  }
}

rule "aws-neptune-customer-key" {
  title     = "Neptune cluster storage is not encrypted with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_neptune_cluster"]
  aliases   = ["CKV_AWS_347", "AVD-AWS-0128", "aws-neptune-encryption-customer-key"]

  description = <<-EOT
    A Neptune cluster stores its graph, backups and snapshots on encrypted storage when `storage_encrypted = true`.
    Without `kms_key_arn` the storage is encrypted (where encryption is on) with the AWS-managed
    Neptune key, whose key policy AWS writes and the customer cannot restrict: anyone allowed to
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
      description         = "Neptune storage"
      enable_key_rotation = true
    }

    resource "aws_neptune_cluster" "graph" {
      # ...
      storage_encrypted = true
      kms_key_arn = aws_kms_key.db.arn
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#kms_key_arn",
    "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#customer-cmk",
  ]

  assert {
    attribute "kms_key_arn" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_neptune_cluster" "graph" {  # expect: aws-neptune-customer-key
        cluster_identifier = "graph"
        engine             = "neptune"
        storage_encrypted  = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "db" {
        description         = "Neptune storage"
        enable_key_rotation = true
      }

      resource "aws_neptune_cluster" "graph" {
        cluster_identifier = "graph"
        engine             = "neptune"
        storage_encrypted  = true
        kms_key_arn        = aws_kms_key.db.arn
      }
    EOT
  }
}

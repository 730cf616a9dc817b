rule "aws-eks-secrets-encryption" {
  title     = "EKS cluster does not encrypt Kubernetes secrets with a customer-managed KMS key"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_eks_cluster"]
  aliases   = ["CKV_AWS_58", "AVD-AWS-0039", "aws-eks-encrypt-secrets"]

  description = <<-EOT
    Kubernetes secrets hold database passwords, API keys and service account tokens. With an
    `encryption_config` for `secrets`, EKS envelope-encrypts them in etcd with a KMS key you own,
    so access to the key (and every use of it, in CloudTrail) is under your control and can be
    revoked. Recent EKS versions also apply default envelope encryption with an AWS owned key;
    that protects the storage but gives you no control over or audit of the key. Choosing the
    key is the customer's responsibility under the shared responsibility model. The setting cannot
    be removed once enabled.
  EOT
  remediation = "Add `encryption_config { resources = [\"secrets\"] provider { key_arn = aws_kms_key.eks.arn } }` to the `aws_eks_cluster`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#encryption_config",
    "https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html",
  ]

  assert {
    some "encryption_config" {
      attribute "resources" {
        contains = "secrets"
      }
      attribute "provider.key_arn" {
        present = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_eks_cluster" "main" {  # expect: aws-eks-secrets-encryption
        name     = "main"
        role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

        vpc_config {
          subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
          endpoint_public_access = false
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "eks" {
        description         = "EKS secrets"
        enable_key_rotation = true
      }

      resource "aws_eks_cluster" "main" {
        name     = "main"
        role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

        vpc_config {
          subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
          endpoint_public_access = false
        }

        encryption_config {
          resources = ["secrets"]
          provider {
            key_arn = aws_kms_key.eks.arn
          }
        }
      }
    EOT
  }
}

rule "aws-eks-control-plane-logging" {
  title     = "EKS cluster does not send all control plane logs to CloudWatch"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_eks_cluster"]
  aliases   = ["CKV_AWS_37", "AVD-AWS-0038", "aws-eks-enable-control-plane-logging"]

  description = <<-EOT
    The EKS control plane logs record who called the Kubernetes API (`api`, `audit`), how they
    authenticated (`authenticator`) and what the controllers and scheduler did. Without the audit
    and authenticator logs a stolen kubeconfig, a privilege escalation through RBAC or a secret
    read cannot be traced. AWS runs the control plane but ships these logs only when the customer
    lists them in `enabled_cluster_log_types`, which is empty by default. Medium: detection and
    forensics, not exposure.
  EOT
  remediation = "Set `enabled_cluster_log_types = [\"api\", \"audit\", \"authenticator\", \"controllerManager\", \"scheduler\"]` and give the `/aws/eks/CLUSTER/cluster` log group a retention period."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#enabled_cluster_log_types",
    "https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html",
  ]

  assert {
    attribute "enabled_cluster_log_types" {
      contains = "api"
    }
    attribute "enabled_cluster_log_types" {
      contains = "audit"
    }
    attribute "enabled_cluster_log_types" {
      contains = "authenticator"
    }
    attribute "enabled_cluster_log_types" {
      contains = "controllerManager"
    }
    attribute "enabled_cluster_log_types" {
      contains = "scheduler"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_eks_cluster" "main" {  # expect: aws-eks-control-plane-logging
        name     = "main"
        role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

        vpc_config {
          subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_eks_cluster" "main" {
        name                      = "main"
        role_arn                  = "arn:aws:iam::123456789012:role/eks-cluster"
        enabled_cluster_log_types = ["api", "scheduler"]  # expect: aws-eks-control-plane-logging

        vpc_config {
          subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_eks_cluster" "main" {
        name                      = "main"
        role_arn                  = "arn:aws:iam::123456789012:role/eks-cluster"
        enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

        vpc_config {
          subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        }
      }
    EOT
  }
}

rule "aws-eks-public-endpoint-open" {
  title     = "EKS cluster API endpoint is reachable from the whole internet"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_eks_cluster"]
  aliases   = ["CKV_AWS_38", "AVD-AWS-0041", "aws-eks-no-public-cluster-access-to-cidr"]

  description = <<-EOT
    The Kubernetes API server controls everything in the cluster. With the public endpoint on and
    `public_access_cidrs` left at its default of `0.0.0.0/0`, anyone on the internet can reach it
    and try stolen kubeconfigs and tokens, anonymous-access misconfigurations and API server
    vulnerabilities. AWS runs the control plane, but who can reach its endpoint is the customer's
    configuration under the shared responsibility model. In `vpc_config`,
    `endpoint_public_access` defaults to `true` and `public_access_cidrs` to `["0.0.0.0/0"]`.
    The rule accepts a private-only endpoint or a public endpoint limited to known CIDRs.
  EOT
  remediation = "Set `vpc_config { endpoint_private_access = true, endpoint_public_access = false }`, or keep the public endpoint and set `public_access_cidrs` to your VPN or office ranges."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster",
    "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
  ]

  assert {
    any {
      attribute "vpc_config.endpoint_public_access" {
        equals  = false
        default = true
      }
      attribute "vpc_config.public_access_cidrs" {
        not_contains = "0.0.0.0/0"
        default      = ["0.0.0.0/0"]
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_eks_cluster" "main" {
        name     = "main"
        role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

        vpc_config {  # expect: aws-eks-public-endpoint-open
          subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_eks_cluster" "main" {
        name     = "main"
        role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

        vpc_config {
          subnet_ids              = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
          endpoint_private_access = true
          endpoint_public_access  = false
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_eks_cluster" "main" {
        name     = "main"
        role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

        vpc_config {
          subnet_ids              = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
          endpoint_private_access = true
          public_access_cidrs     = ["198.51.100.0/24"]
        }
      }
    EOT
  }
}

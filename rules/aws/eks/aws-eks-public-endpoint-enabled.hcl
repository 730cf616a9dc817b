rule "aws-eks-public-endpoint-enabled" {
  title     = "EKS cluster API endpoint is exposed on a public address"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_eks_cluster"]
  aliases   = ["CKV_AWS_39", "AVD-AWS-0040", "aws-eks-no-public-cluster-access"]

  description = <<-EOT
    With `vpc_config.endpoint_public_access` on (the default) the Kubernetes API server has a
    public address. Even restricted by `public_access_cidrs`, it is reachable from outside the
    VPC, so a leaked kubeconfig or token works from wherever those ranges reach, and API server
    vulnerabilities are exposed beyond the network. A private endpoint (`endpoint_private_access =
    true`, `endpoint_public_access = false`) keeps the control plane inside the VPC and connected
    networks. Endpoint exposure is the customer's choice under the shared responsibility model.
    Medium: aws-eks-public-endpoint-open flags the high-severity case of an endpoint open to the
    whole internet.
  EOT
  remediation = "Set `endpoint_private_access = true` and `endpoint_public_access = false` in `vpc_config`, and reach the API through the VPC (VPN, Direct Connect, a bastion or CI runners in the VPC)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#endpoint_public_access",
    "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
  ]

  assert {
    attribute "vpc_config.endpoint_public_access" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_eks_cluster" "main" {
        name     = "main"
        role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

        vpc_config {  # expect: aws-eks-public-endpoint-enabled
          subnet_ids          = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
          public_access_cidrs = ["203.0.113.0/24"]
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
}
